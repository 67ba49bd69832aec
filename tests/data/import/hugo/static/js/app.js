console.log('old theme');

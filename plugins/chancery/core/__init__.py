"""The Chancery core: content model, languages and catalog. It never imports MkDocs."""

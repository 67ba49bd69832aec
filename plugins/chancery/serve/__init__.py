"""`chancery serve`: the editors' preview server.

It builds the site once, serves it on the editor's machine, watches the sources, rebuilds in
the background after each change and reloads the open pages; a build that fails leaves the last
good site served, with the failure shown in the terminal and above every page.

- :mod:`chancery.serve.app` runs it all and stops it cleanly;
- :mod:`chancery.serve.builds` queues the builds (one at a time) and runs each in a child
  process, which calls :func:`chancery.serve.child.build_preview`: the one step an
  incremental build can replace;
- :mod:`chancery.serve.watch` says what to watch and watches it;
- :mod:`chancery.serve.server` answers HTTP requests (the addresses themselves are
  :mod:`chancery.core.preview`'s).
"""

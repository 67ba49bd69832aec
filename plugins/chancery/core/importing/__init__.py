"""Bringing an existing site into a Chancery site: `chancery import`.

A Hugo content tree, a MkDocs site with mkdocs-static-i18n (folder or suffix layout), or a
plain tree of per-locale folders (``en_US/``, ``pt_BR/``) is read (sources.py), each page's
front matter and Markdown converted to what Chancery's content model means (convert.py), and
the whole import planned, checked as the build checks content, and only then written
(plan.py). What was mapped, dropped and left for a human is reported (report.py).
"""

"""Publishing the handbook: Jupyter Book's Sphinx extensions, and JupyterLab's settings.

``_config.yml`` lists the extensions:

- :mod:`~actionlearning.site.programme_tables`: programme tables drawn from the programme data
- :mod:`~actionlearning.site.editions`: the trainee and trainer editions (facilitator notes)
- :mod:`~actionlearning.site.downloads`: a clean ``.ipynb`` download for every notebook page
- :mod:`~actionlearning.site.fixes`: fixes to the theme's pages (scripts, citations, static files)

:mod:`~actionlearning.site.lab` sets up ``make lab``: a trainee's lab on a workspace of their own
(trainee material only), or a trainer's on the whole workbook, whose MyST pages open as notebooks
(:mod:`~actionlearning.site.lab_settings`). :mod:`~actionlearning.site.readable` makes a page's
MyST readable where Sphinx does not run: the trainee's lab and the live app.
"""

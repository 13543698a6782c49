"""Publishing the handbook: Jupyter Book's Sphinx extensions, and JupyterLab's settings.

``_config.yml`` lists the extensions:

- :mod:`~actionlearning.site.programme_tables`: programme tables drawn from the programme data
- :mod:`~actionlearning.site.editions`: the trainee and trainer editions (facilitator notes)
- :mod:`~actionlearning.site.downloads`: a clean ``.ipynb`` download for every notebook page
- :mod:`~actionlearning.site.fixes`: fixes to the theme's pages (scripts, citations, static files)

:mod:`~actionlearning.site.lab_settings` makes ``make lab`` open the pages as notebooks.
"""

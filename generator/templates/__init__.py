"""Where the default site parts live, shipped inside the package.

- `pages/`: the Jinja2 templates of the generated Markdown pages;
- `theme/`: Material overrides and the site's own scripts and stylesheet
  (MkDocs copies a theme folder's static files into the site);
- `new/`: what `reportsite new` puts in a new site folder, its `mkdocs.yml`
  also the configuration of a folder that has none.

A site folder's own `templates/pages/` and `templates/theme/` come first: a
file there of the same name replaces the default.
"""

from pathlib import Path

DEFAULTS = Path(__file__).parent
PAGES = DEFAULTS / "pages"
THEME = DEFAULTS / "theme"
NEW = DEFAULTS / "new"
CONFIG = NEW / "mkdocs.yml"

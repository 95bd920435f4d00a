"""reportsite: a static report-site generator for Chinese strategy documents."""

__version__ = "0.1.0"

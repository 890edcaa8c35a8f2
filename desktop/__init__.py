from sync import __version__ as __version__

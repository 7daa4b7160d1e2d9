"""`python -m teikit ...` runs the command line, as the `teikit` script does (for an
environment whose scripts folder is not on PATH)."""

import sys

from .cli import main

sys.exit(main())

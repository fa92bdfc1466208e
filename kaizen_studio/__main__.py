"""`python -m kaizen_studio` runs the command line (and the GUI with no command)."""

import sys

from kaizen_studio.cli import main

sys.exit(main())

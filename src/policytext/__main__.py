"""``python -m policytext`` runs the command-line interface."""

import sys

from policytext.cli import main

sys.exit(main())

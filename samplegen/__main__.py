"""`python -m samplegen`: the same as the `samplegen` command."""

import sys

from samplegen.cli import main

sys.exit(main())

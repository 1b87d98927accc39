"""``python -m dxcourse COMMAND``: the maintainer's commands (see ``dxcourse.cli``)."""

import sys

from .cli import main

sys.exit(main())

import sys

from yjs.cli import main

sys.exit(main())

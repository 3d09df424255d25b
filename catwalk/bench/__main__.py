"""`python -m catwalk.bench step NAME JSON`: one measuring step, run by `catwalk bench` in its own process."""

import sys

from catwalk.bench.steps import step_main

if len(sys.argv) >= 4 and sys.argv[1] == "step":
    step_main(sys.argv[2], sys.argv[3])
else:
    print("usage: python -m catwalk.bench step NAME JSON (use `catwalk bench` instead)", file=sys.stderr)
    sys.exit(2)

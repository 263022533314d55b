from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "testing"))

from gateway_under_test import dev_gateway, gateway, policy_gateway  # noqa: E402,F401  (fixtures)

CONNECTOR = Path(__file__).resolve().parents[1]

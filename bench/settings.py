"""Settings of the benchmark's floor server: the site's own, plus the
reference page (bench/reference.py, bench/urls.py).

bench/run.py starts one server with these; production never loads them.
"""

from investportal.env import env_str
from investportal.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
# The folder bench/run.py saved the benchmarked pages into.
BENCH_REFERENCE_DIR = env_str("BENCH_REFERENCE_DIR")

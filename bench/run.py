#!/usr/bin/env python
"""Load-test the site on the bench database and print one table.

    .venv/bin/python bench/run.py                      # every page, cache off and on
    .venv/bin/python bench/run.py --duration 5 --pages home,search-semiconductor

For each cache mode the site runs under gunicorn with production settings
(DEBUG off, hashed static files, PostgreSQL, Redis) on 127.0.0.1, and wrk
drives every page for --duration seconds with --connections connections
after a short warm-up. The article page asks for a different random
published article on every request. Each page is also served, byte for
byte, from memory by a reference view behind the same middleware
(bench/reference.py): the framework's floor, measured in the same run.

SQL queries per request are counted separately, with Django's test client
against the same database and cache settings (the second request, in the
cache-on mode, so the count is the steady state).

Cache modes: "off" sets CACHE_TIMEOUT=0, so nothing survives in the cache
(not even the site settings) and PAGE_CACHE=0; "on" keeps the normal cache
lifetime and sets PAGE_CACHE=1 (core/cache.py). With the cache on, every
path of a page is requested once before its warm-up, so the run measures
stored pages rather than 2,000 articles rendered for the first time; a
scheduled article going live during a run expires every stored page, and
the table marks such runs with "*".

"News page 5,000" is the keyset URL the site links to at that depth
(?older=<cursor of the 99,980th article>, news/pagination.py): numbered
pages stop at 10. "API 新闻 第5000页" is the API's article list at the same
depth, by the cursor its `next` link carries there (api/pagination.py):
one request, no walk.

Everything binds to 127.0.0.1 and stops by itself; the gunicorn workers'
resident memory is printed after each mode. --py-spy DIR records one
worker during every measured run (collapsed stacks, DIR/<mode>-<page>.folded).
"""

import argparse
import json
import os
import random
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

VENV_BIN = Path(sys.executable).parent
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/bench"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/5"
# Rows before page 5,000 of 20 articles: the last of page 4,999 is this one.
DEEP_PAGE_OFFSET = 20 * 4999 - 1
CACHE_MODES = {
    "off": {"CACHE_TIMEOUT": "0", "PAGE_CACHE": "0"},
    "on": {"CACHE_TIMEOUT": "300", "PAGE_CACHE": "1"},
}
# Search queries: three Chinese (an industry, a zone name, two words) and
# one English, on the English pages.
SEARCHES = [
    ("search-semiconductor", "搜索 半导体", "", "半导体"),
    ("search-haimen", "搜索 海门", "", "海门"),
    ("search-two-words", "搜索 苏州 生物医药", "", "苏州 生物医药"),
    ("search-english", "search Suzhou (/en/)", "en", "Suzhou"),
]

WRK_SCRIPT = """
local paths = {}
for line in io.lines(%(paths)s) do paths[#paths + 1] = line end
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("seed", threads)
end
function init(args)
  math.randomseed(os.time() * 100 + (seed or 0))
end
function request()
  return wrk.format("GET", paths[math.random(#paths)])
end
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'BENCH {"requests": %%d, "duration_us": %%d, "p50_us": %%d, "p95_us": %%d,'
    .. ' "p99_us": %%d, "errors": %%d, "non_2xx_3xx": %%d}\\n',
    summary.requests, summary.duration, latency:percentile(50),
    latency:percentile(95), latency:percentile(99),
    e.connect + e.read + e.write + e.timeout, e.status))
end
"""


@dataclass
class Page:
    name: str
    label: str
    paths: list
    results: dict = field(default_factory=dict)  # mode -> wrk numbers
    queries: dict = field(default_factory=dict)  # mode -> count (text)
    problem: str = ""
    # mode -> True when a scheduled article went live between the first
    # request for this page and the end of its run, which (cache on)
    # expires every stored page at that moment.
    went_live: dict = field(default_factory=dict)


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=DEFAULT_DATABASE_URL)
    parser.add_argument("--redis-url", default=DEFAULT_REDIS_URL)
    parser.add_argument("--duration", type=int, default=10, help="seconds per page")
    parser.add_argument("--warmup", type=int, default=2, help="seconds, discarded")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--wrk-threads", type=int, default=2)
    parser.add_argument(
        "--workers",
        type=int,
        default=3,
        help="gunicorn sync workers (default 3: see README, Benchmark)",
    )
    parser.add_argument("--cache", default="off,on", help="modes: off, on or both")
    parser.add_argument("--pages", default="", help="comma-separated page names")
    parser.add_argument("--no-reference", action="store_true")
    parser.add_argument(
        "--no-prewarm",
        action="store_true",
        help="cache on: do not request every path once before measuring",
    )
    parser.add_argument(
        "--py-spy",
        metavar="DIR",
        help="record one worker with py-spy during each measured run into DIR",
    )
    parser.add_argument("--json", help="also write the numbers to this file")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    parser.add_argument("--count-queries", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def base_env(args):
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="investportal.settings",
        DEBUG="0",
        SECRET_KEY=env.get("BENCH_SECRET_KEY") or secrets.token_urlsafe(50),
        DATABASE_URL=args.database_url,
        REDIS_URL=args.redis_url,
        CACHE_KEY_PREFIX="bench",
        SECURE_SSL_REDIRECT="0",
        ALLOWED_HOSTS="127.0.0.1",
        LOG_LEVEL="ERROR",
        PYTHONPATH=str(ROOT),
        # wrk asks from one address, far above any client's API rate limit.
        API_ANON_RATE="off",
    )
    env.pop("BENCH_REFERENCE_DIR", None)
    return env


def setup_django(env):
    os.environ.update(env)
    import django

    django.setup()


# Pages ---------------------------------------------------------------------


def choose_pages():
    """The benchmarked pages, with real slugs and ids from the bench data."""
    from django.db.models import Count
    from django.urls import reverse
    from django.utils import translation
    from taggit.models import Tag, TaggedItem

    from core.pagination import Cursor
    from news.models import Article
    from zones.models import Region, Zone

    published = Article.objects.published()
    busiest_zone = Zone.objects.get(
        pk=published.exclude(zone=None)
        .values("zone")
        .annotate(n=Count("pk"))
        .order_by("-n")
        .values_list("zone", flat=True)
        .first()
    )
    tag = Tag.objects.get(
        pk=TaggedItem.objects.values("tag")
        .annotate(n=Count("pk"))
        .order_by("-n")
        .values_list("tag", flat=True)
        .first()
    )
    city = (
        Region.objects.filter(level=Region.Level.CITY, articles__isnull=False)
        .annotate(n=Count("articles"))
        .order_by("-n")
        .first()
    )
    province = busiest_zone.province
    articles = list(
        published.filter(language=Article.Language.CHINESE)
        .order_by("?")
        .values_list("pk", flat=True)[:2000]
    )
    # Page 5,000 of the Chinese list is a keyset page (news/pagination.py):
    # its link carries the last article of page 4,999, found here once with
    # an OFFSET the site itself never runs.
    last_of_4999 = (
        published.filter(language=Article.Language.CHINESE)
        .order_by("-published_at", "-id")
        .only("id", "published_at")[DEEP_PAGE_OFFSET]
    )
    # The API's article list holds both languages, newest first; its page
    # 5,000 is the one its `next` links reach from page 4,999, whose last
    # article is found here once, by OFFSET, as above.
    last_api_row_of_4999 = published.order_by("-published_at", "-id").only(
        "id", "published_at"
    )[DEEP_PAGE_OFFSET]
    translation.activate("zh-hans")
    news = reverse("news:index")
    api_articles = reverse("api:article-list")
    pages = [
        Page("home", "首页", [reverse("home")]),
        Page("news-page-1", "新闻 第1页", [news]),
        Page(
            "news-page-5000",
            "新闻 第5000页",
            [with_query(news, older=Cursor.of(last_of_4999))],
        ),
        Page(
            "news-by-zone", "新闻 按开发区", [with_query(news, zone=busiest_zone.slug)]
        ),
        Page("news-by-tag", "新闻 按标签", [with_query(news, tag=tag.slug)]),
        Page(
            "news-by-city",
            "新闻 按城市",
            [with_query(news, province=city.parent.slug, city=city.slug)],
        ),
        Page(
            "article",
            "文章 (随机)",
            [reverse("news:detail", kwargs={"pk": pk}) for pk in articles],
        ),
        Page(
            "zone-directory",
            "开发区 按省份和级别",
            [
                with_query(
                    reverse("zones:index"), province=province.slug, level="national"
                )
            ],
        ),
        Page("zone-profile", "开发区 主页", [busiest_zone.get_absolute_url()]),
    ]
    for name, label, language, q in SEARCHES:
        with translation.override(language or "zh-hans"):
            url = reverse("search:index")
        pages.append(Page(name, label, [with_query(url, q=q)]))
    pages.append(Page("rss", "RSS", [reverse("news:feed-rss")]))
    pages.append(Page("api-articles-page-1", "API 新闻 第1页", [api_articles]))
    pages.append(
        Page(
            "api-articles-page-5000",
            "API 新闻 第5000页",
            # The API's cursor: "n" (next) and the row's (published_at, id).
            [with_query(api_articles, cursor=f"n{Cursor.of(last_api_row_of_4999)}")],
        )
    )
    return pages


def with_query(path, **params):
    """The path with its query string percent-encoded (tag slugs are Chinese)."""
    return f"{path}?{urlencode(params)}"


# The server ----------------------------------------------------------------


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    """gunicorn on 127.0.0.1, stopped when the block ends whatever happens."""

    def __init__(self, env, workers, log_path):
        self.env = env
        self.workers = workers
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log_path = log_path
        self.process = None

    def __enter__(self):
        self.log = open(self.log_path, "ab")  # noqa: SIM115 - closed in __exit__
        self.process = subprocess.Popen(
            [
                str(VENV_BIN / "gunicorn"),
                "investportal.wsgi",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                str(self.workers),
                "--worker-class",
                "sync",
                "--graceful-timeout",
                "5",
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=self.env,
            stdout=self.log,
            stderr=self.log,
            start_new_session=True,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited; see {self.log_path}")
            try:
                if fetch(self.base + "/healthz")[0] == 200:
                    return self
            except OSError:
                pass
            time.sleep(0.3)
        raise RuntimeError(f"gunicorn did not answer in 60 s; see {self.log_path}")

    def __exit__(self, *exc):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=5)
        self.log.close()

    def worker_pids(self):
        """Process ids of the workers (children of the master)."""
        pids = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except (OSError, IndexError):
                continue
            if fields[1] == str(self.process.pid):
                pids.append(int(stat.parent.name))
        return sorted(pids)

    def worker_rss_mb(self):
        """Resident memory of each worker, in MB."""
        sizes = []
        for pid in self.worker_pids():
            try:
                status = Path(f"/proc/{pid}/status").read_text()
            except OSError:
                continue
            for line in status.splitlines():
                if line.startswith("VmRSS:"):
                    sizes.append(int(line.split()[1]) / 1024)
        return sorted(sizes)


def fetch(url, timeout=30, host="127.0.0.1"):
    request = urllib.request.Request(url, headers={"Host": host})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            return response.status, response.headers["Content-Type"], response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers.get("Content-Type", ""), exc.read()


def run_wrk(args, base, paths, seconds, workdir):
    paths_file = workdir / f"paths-{random.random():.12f}.txt"
    paths_file.write_text("\n".join(paths) + "\n")
    script = workdir / "random-path.lua"
    script.write_text(WRK_SCRIPT % {"paths": json.dumps(str(paths_file))})
    completed = subprocess.run(
        [
            "wrk",
            "-t",
            str(args.wrk_threads),
            "-c",
            str(args.connections),
            "-d",
            f"{seconds}s",
            "--timeout",
            "5s",
            "-s",
            str(script),
            base,
        ],
        capture_output=True,
        text=True,
        timeout=seconds + 60,
        check=False,
    )
    for line in completed.stdout.splitlines():
        if line.startswith("BENCH "):
            numbers = json.loads(line[6:])
            numbers["rps"] = numbers["requests"] / (numbers["duration_us"] / 1e6)
            return numbers
    raise RuntimeError(f"wrk gave no result: {completed.stdout}{completed.stderr}")


def scheduled_went_live(start, end):
    """Did a scheduled article's publish time fall between two Unix times?"""
    from datetime import UTC, datetime

    from news.models import Article

    return (
        Article.objects.filter(
            status=Article.Status.PUBLISHED,
            deleted_at__isnull=True,
            published_at__gt=datetime.fromtimestamp(start, UTC),
            published_at__lte=datetime.fromtimestamp(end, UTC),
        )
        .order_by()
        .exists()
    )


def prewarm(base, paths):
    """Request every path once, so "cache on" measures the stored pages.

    Without it the article page (2,000 different articles) would spend most
    of a 10-second run rendering each article for the first time.
    """
    # wrk names the port in its Host header, and pages are stored per host.
    host = base.removeprefix("http://")
    with ThreadPoolExecutor(max_workers=4) as pool:
        list(pool.map(lambda path: fetch(base + path, host=host), sorted(set(paths))))


@contextmanager
def profiling(args, server, name):
    """py-spy on the first worker while the block runs (--py-spy DIR).

    Writes DIR/<name>.folded, collapsed stacks with sample counts; any
    flame-graph tool reads them, and so does `grep`.
    """
    if not args.py_spy:
        yield
        return
    folder = Path(args.py_spy)
    folder.mkdir(parents=True, exist_ok=True)
    recorder = subprocess.Popen(
        [
            str(VENV_BIN / "py-spy"),
            "record",
            "--pid",
            str(server.worker_pids()[0]),
            "--duration",
            str(args.duration),
            "--rate",
            "200",
            "--format",
            "raw",
            "--nonblocking",
            "--output",
            str(folder / f"{name}.folded"),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        yield
    finally:
        try:
            recorder.wait(timeout=args.duration + 30)
        except subprocess.TimeoutExpired:
            recorder.kill()


# Query counts ----------------------------------------------------------------


def count_queries(pages_file, warm):
    """In a subprocess: SQL statements per page, through the test client."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")
    counts = {}
    for name, paths in json.loads(Path(pages_file).read_text()).items():
        seen = set()
        for path in paths[:5]:
            if warm:
                client.get(path)
            with CaptureQueriesContext(connection) as context:
                client.get(path)
            statements = [
                query["sql"]
                for query in context.captured_queries
                if query["sql"] not in ("BEGIN", "COMMIT", "ROLLBACK")
            ]
            seen.add(len(statements))
        low, high = min(seen), max(seen)
        counts[name] = str(low) if low == high else f"{low}-{high}"
    print(json.dumps(counts))


def measure_queries(env, pages, workdir, mode):
    pages_file = workdir / "pages.json"
    pages_file.write_text(json.dumps({page.name: page.paths for page in pages}))
    completed = subprocess.run(
        [sys.executable, __file__, "--count-queries", f"{mode}:{pages_file}"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    if completed.returncode != 0:
        raise RuntimeError(f"query count failed:\n{completed.stderr[-3000:]}")
    return json.loads(completed.stdout.strip().splitlines()[-1])


# The run ---------------------------------------------------------------------


def prepare(env):
    """Bring the bench database up to the code's migrations; collect static."""
    for command in ("migrate", "collectstatic"):
        subprocess.run(
            [sys.executable, "manage.py", command, "--noinput", "--verbosity", "0"],
            env=env,
            cwd=ROOT,
            check=True,
            timeout=1800,
        )


def flush_cache(redis_url):
    import redis

    redis.Redis.from_url(redis_url).flushdb()


def say(message):
    print(message, file=sys.stderr, flush=True)


def benchmark(args):
    modes = [mode.strip() for mode in args.cache.split(",") if mode.strip()]
    unknown = set(modes) - set(CACHE_MODES)
    if unknown:
        sys.exit(f"Unknown cache mode(s): {', '.join(sorted(unknown))}")
    if "bench" not in args.database_url.rsplit("/", 1)[-1]:
        sys.exit("Refusing: the database name must contain 'bench'.")
    env = base_env(args)
    workdir = Path(tempfile.mkdtemp(prefix="investportal-bench-"))
    try:
        run_modes(args, modes, env, workdir)
    except BaseException:
        say(f"Failed; the work folder {workdir} (gunicorn-*.log) is kept.")
        raise
    # Collected static files, saved pages, logs: not worth keeping unless asked.
    if not args.keep:
        shutil.rmtree(workdir, ignore_errors=True)


def run_modes(args, modes, env, workdir):
    """Start one server per cache mode, then measure page by page.

    For each page the modes and the floor are measured one after another,
    within a minute: on a shared machine the load of other work drifts over
    a quarter of an hour, and a page and its floor measured ten minutes
    apart would compare two different machines. The servers keep apart in
    Redis by key prefix; an idle one takes no CPU.
    """
    env["STATIC_ROOT"] = str(workdir / "static")
    reference_dir = workdir / "reference"
    reference_dir.mkdir()
    say(f"Work folder {workdir}; migrating, collecting static files")
    prepare(env)
    setup_django(env)
    pages = choose_pages()
    if args.pages:
        wanted = set(args.pages.split(","))
        pages = [page for page in pages if page.name in wanted]
    reference = {}
    mode_envs = {}
    for mode in modes:
        mode_envs[mode] = {
            **env,
            **CACHE_MODES[mode],
            "CACHE_KEY_PREFIX": f"bench-{mode}",
        }
    floor_mode = None if args.no_reference else modes[0]
    if floor_mode:
        # The site's settings plus the reference page (bench/settings.py).
        mode_envs[floor_mode]["DJANGO_SETTINGS_MODULE"] = "bench.settings"
        mode_envs[floor_mode]["BENCH_REFERENCE_DIR"] = str(reference_dir)
    flush_cache(args.redis_url)
    with ExitStack() as stack:
        servers = {}
        for mode in modes:
            say(f"Cache {mode}: starting gunicorn ({args.workers} workers)")
            servers[mode] = stack.enter_context(
                Server(mode_envs[mode], args.workers, workdir / f"gunicorn-{mode}.log")
            )
        for page in pages:
            if not check_page(page, servers[modes[0]], reference_dir, floor_mode):
                continue
            for mode in modes:
                measure_page(args, page, mode, servers[mode], workdir)
                if mode == floor_mode:
                    path = [f"/bench/reference/{page.name}"]
                    run_wrk(args, servers[mode].base, path, args.warmup, workdir)
                    reference[page.name] = run_wrk(
                        args, servers[mode].base, path, args.duration, workdir
                    )
                    say(f"  floor {page.name}: {reference[page.name]['rps']:.0f} req/s")
        memory = {mode: server.worker_rss_mb() for mode, server in servers.items()}
    for mode in modes:
        flush_cache(args.redis_url)
        counts = measure_queries(mode_envs[mode], pages, workdir, mode)
        for page in pages:
            page.queries[mode] = counts.get(page.name, "")
    print_table(args, modes, pages, reference, memory)
    if args.json:
        Path(args.json).write_text(
            json.dumps(
                {
                    "pages": [page.__dict__ for page in pages],
                    "reference": reference,
                    "worker_rss_mb": memory,
                    "settings": {
                        key: getattr(args, key)
                        for key in ("duration", "connections", "workers")
                    },
                },
                indent=2,
                ensure_ascii=False,
            )
        )


def check_page(page, server, reference_dir, floor_mode):
    """Fetch the page once; keep its bytes for the floor. False if not 200."""
    try:
        status, content_type, body = fetch(server.base + page.paths[0])
    except OSError as exc:  # a timeout, a reset: note it, go on
        status, content_type, body = type(exc).__name__, "", b""
    if status != 200:
        page.problem = f"HTTP {status}"
        say(f"  {page.name}: {page.problem} for {page.paths[0]}; skipped")
        return False
    if floor_mode:
        (reference_dir / f"{page.name}.body").write_bytes(body)
        (reference_dir / f"{page.name}.type").write_text(content_type)
    return True


def measure_page(args, page, mode, server, workdir):
    started = time.time()  # stored pages count from here
    if mode == "on" and not args.no_prewarm:
        prewarm(server.base, page.paths)
    run_wrk(args, server.base, page.paths, args.warmup, workdir)
    with profiling(args, server, f"{mode}-{page.name}"):
        page.results[mode] = run_wrk(
            args, server.base, page.paths, args.duration, workdir
        )
    page.went_live[mode] = scheduled_went_live(started, time.time())
    say(f"  {page.name} ({mode}): {page.results[mode]['rps']:.0f} req/s")


def print_table(args, modes, pages, reference, memory):
    header = ["page"]
    for mode in modes:
        header += [
            f"{mode}: req/s",
            "p50 ms",
            "p95 ms",
            "p99 ms",
            "errors",
            "SQL",
            "of floor",
        ]
    header.append("floor req/s")
    rows = []
    for page in pages:
        row = [page.name]
        floor = reference.get(page.name, {}).get("rps")
        for mode in modes:
            result = page.results.get(mode)
            if result is None:
                row += [page.problem or "-", "", "", "", "", "", ""]
                continue
            # wrk reports zero latencies when no request completed in time.
            answered = result["p50_us"] > 0
            row += [
                f"{result['rps']:.0f}" + ("*" if page.went_live.get(mode) else ""),
                f"{result['p50_us'] / 1000:.1f}" if answered else "-",
                f"{result['p95_us'] / 1000:.1f}" if answered else "-",
                f"{result['p99_us'] / 1000:.1f}" if answered else "-",
                str(result["errors"] + result["non_2xx_3xx"]),
                page.queries.get(mode, ""),
                f"{result['rps'] / floor:.0%}" if floor else "",
            ]
        row.append(f"{floor:.0f}" if floor else "")
        rows.append(row)
    widths = [
        max(len(str(cell)) for cell in column)
        for column in zip(header, *rows, strict=True)
    ]

    def line(cells):
        return (
            "| "
            + " | ".join(str(c).ljust(w) for c, w in zip(cells, widths, strict=True))
            + " |"
        )

    print(
        f"\n{args.connections} connections, gunicorn {args.workers} sync workers, "
        f"{args.duration} s per page after {args.warmup} s warm-up; "
        "errors = socket errors, timeouts (5 s) and non-2xx/3xx answers;"
        " '-' = no answer within the run"
    )
    print(line(header))
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for row in rows:
        print(line(row))
    for mode in modes:
        sizes = ", ".join(f"{size:.0f}" for size in memory.get(mode, []))
        print(f"gunicorn worker RSS after cache {mode}: {sizes} MB")
    if any(any(page.went_live.values()) for page in pages):
        print(
            "* a scheduled article went live while this page was measured; with"
            " the cache on, that expires every stored page (core/cache.py)"
        )


def main(argv=None):
    args = parse_args(argv)
    if args.count_queries:
        mode, _, pages_file = args.count_queries.partition(":")
        setup_django({})
        count_queries(pages_file, warm=mode == "on")
        return
    benchmark(args)


if __name__ == "__main__":
    main()

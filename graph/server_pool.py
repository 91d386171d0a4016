"""A pool of worker processes that run SPARQL queries on a read-only Oxigraph store.

Oxigraph's `Store.query` cannot be interrupted, so the time limit is enforced by
stopping the process: a worker that has not answered in time is killed and a fresh
one takes its place, while the other workers go on answering other clients.
Workers import only pyoxigraph and the result writers (no rdflib) to stay small.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import queue
import threading
from dataclasses import dataclass, field
from multiprocessing.connection import Connection

import pyoxigraph as ox

from .server_results import NotAcceptable, Reply, TooLarge, reply_for
from .sparql_syntax import syntax_message


@dataclass
class QueryRequest:
    """One query as the protocol gave it, with the server's limits."""

    query: str
    accept: str | None = None
    format: str | None = None
    default_graphs: list[str] = field(default_factory=list)
    named_graphs: list[str] = field(default_factory=list)
    max_rows: int | None = None


def execute(store: ox.Store, request: QueryRequest, prefixes: dict[str, str]) -> Reply:
    """Run one query and serialise its result; every failure becomes an error reply."""
    try:
        options: dict = {"prefixes": prefixes}
        if request.default_graphs:
            options["default_graph"] = [ox.NamedNode(g) for g in request.default_graphs]
        else:
            options["use_default_graph_as_union"] = True
        if request.named_graphs:
            options["named_graphs"] = [ox.NamedNode(g) for g in request.named_graphs]
        result = store.query(request.query, **options)
        return reply_for(result, request.accept, request.format, request.max_rows)
    except SyntaxError as exc:
        return Reply.error(400, f"SPARQL syntax error {syntax_message(str(exc))}")
    except NotAcceptable as exc:
        return Reply.error(406, f"none of the formats in the Accept header fits this result; this server offers {exc}")
    except TooLarge as exc:
        return Reply.error(422, f"the result has more than {exc} rows, this server's limit (--max-rows); "
                                "add LIMIT or narrow the query")
    except ValueError as exc:  # e.g. a malformed graph IRI in default-graph-uri
        return Reply.error(400, f"bad request: {str(exc).splitlines()[0]}")
    except (OSError, RuntimeError) as exc:
        return Reply.error(500, f"the query failed: {str(exc).splitlines()[0]}")


def worker_main(store_path: str, prefixes: dict[str, str], requests: Connection, replies: Connection) -> None:
    """A worker's life: open the store read-only, then answer requests until the pipe closes."""
    try:
        from .read_only import open_read_only

        store = open_read_only(store_path)
    except (OSError, RuntimeError) as exc:
        replies.send(Reply.error(500, f"{store_path}: cannot open the store: {str(exc).splitlines()[0]}"))
        return
    replies.send(None)  # ready
    while True:
        try:
            request = requests.recv()
        except (EOFError, OSError):
            return
        replies.send(execute(store, request, prefixes))


class Worker:
    """A worker process started as `python -m ofsted_kg.graph.server_pool` (not multiprocessing's
    spawn, which would import the whole CLI into every worker), talking over two pipes."""

    def __init__(self, store_path: str, prefixes: dict[str, str]):
        request_read, request_write = os.pipe()
        reply_read, reply_write = os.pipe()
        self.process = subprocess.Popen(
            [sys.executable, "-m", __name__, store_path, json.dumps(prefixes), str(request_read), str(reply_write)],
            pass_fds=(request_read, reply_write), stdin=subprocess.DEVNULL)
        os.close(request_read)
        os.close(reply_write)
        self.requests = Connection(request_write, readable=False)
        self.replies = Connection(reply_read, writable=False)

    def ready(self, timeout: float) -> Reply | None:
        """None once the worker has opened the store; an error reply if it could not."""
        try:
            if self.replies.poll(timeout):
                return self.replies.recv()
        except (EOFError, OSError):
            pass
        self.stop()
        return Reply.error(500, "a query worker did not start")

    def ask(self, request: QueryRequest, timeout: float) -> Reply | None:
        """The worker's reply, or None when it did not answer in time; EOFError/OSError if it died."""
        self.requests.send(request)
        if self.replies.poll(timeout):
            return self.replies.recv()
        return None

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        try:
            self.process.wait(5)
        except subprocess.TimeoutExpired:
            pass
        self.requests.close()
        self.replies.close()


class PoolError(Exception):
    """The pool cannot start (e.g. the store cannot be opened read-only)."""


class WorkerPool:
    """`size` workers; a request waits up to `timeout` for a free one, then has `timeout` to finish."""

    def __init__(self, store_path: str, size: int, timeout: float, prefixes: dict[str, str]):
        self.store_path, self.size, self.timeout, self.prefixes = store_path, size, timeout, prefixes
        self.idle: queue.Queue[Worker] = queue.Queue()
        self.lock = threading.Lock()
        self.workers: set[Worker] = set()
        self.closed = False
        for _ in range(size):
            worker = self._spawn()
            problem = worker.ready(60)
            if problem is not None:
                self.close()
                raise PoolError(problem.body.decode().strip())
            self.idle.put(worker)

    def _spawn(self) -> Worker:
        worker = Worker(self.store_path, self.prefixes)
        with self.lock:
            self.workers.add(worker)
        return worker

    def _retire(self, worker: Worker) -> None:
        worker.stop()
        with self.lock:
            self.workers.discard(worker)

    def _replace(self, worker: Worker) -> None:
        """Kill a worker and start its successor in the background."""
        self._retire(worker)

        def respawn() -> None:
            if self.closed:
                return
            fresh = self._spawn()
            if fresh.ready(60) is None and not self.closed:
                self.idle.put(fresh)
            else:
                self._retire(fresh)
        threading.Thread(target=respawn, daemon=True).start()

    def run(self, request: QueryRequest) -> Reply:
        try:
            worker = self.idle.get(timeout=self.timeout)
        except queue.Empty:
            return Reply.error(503, f"all {self.size} query workers are busy; try again shortly")
        try:
            reply = worker.ask(request, self.timeout)
            if reply is not None:
                self.idle.put(worker)
                return reply
        except (EOFError, OSError):
            self._replace(worker)
            return Reply.error(500, "the query worker stopped unexpectedly (out of memory?); it has been restarted")
        self._replace(worker)
        return Reply.error(504, f"the query ran longer than this server's time limit of {self.timeout:g} s "
                                "(--timeout) and was stopped")

    def pids(self) -> list[int]:
        with self.lock:
            return [w.process.pid for w in self.workers]

    def close(self) -> None:
        self.closed = True
        with self.lock:
            workers = list(self.workers)
        for worker in workers:
            self._retire(worker)


def default_pool_size() -> int:
    return max(2, os.cpu_count() or 2)


if __name__ == "__main__":
    worker_main(sys.argv[1], json.loads(sys.argv[2]), Connection(int(sys.argv[3]), writable=False),
                Connection(int(sys.argv[4]), readable=False))

"""`ofsted-kg serve`: the read-only SPARQL endpoint (logic in graph.server)."""
from __future__ import annotations

from typing import Annotated, Optional

import typer

from .cli import StoreOption, app, err, fail
from .store import store_path


@app.command()
def serve(
    store: StoreOption = None,
    host: Annotated[str, typer.Option("--host", help="Address to listen on; 127.0.0.1 keeps it to this machine.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=0, max=65535, help="Port (0: any free port).")] = 7878,
    timeout: Annotated[float, typer.Option("--timeout", min=0.1, help="Seconds a query may run before it is stopped (answered 504).")] = 30.0,
    max_rows: Annotated[int, typer.Option("--max-rows", min=0, help="Most result rows or triples a query may return (more: 422); 0 for no limit.")] = 100_000,
    workers: Annotated[int, typer.Option("--workers", min=0, help="Query worker processes (0: one per core, at least 2).")] = 0,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No request log.")] = False,
) -> None:
    """Serve the store read-only over the SPARQL 1.1 Protocol at /sparql, with a query page at /."""
    from .server import ServeError, Settings, serve as run_server

    settings = Settings(store=store_path(store), host=host, port=port, timeout=timeout,
                        max_rows=max_rows or None, workers=workers, quiet=quiet)
    if not settings.store.exists():
        raise fail(f"error: {settings.store}: no store here; build one with `ofsted-kg build --store {settings.store} FILES`", 2)

    def ready(server) -> None:
        bound_host, bound_port = server.server_address[:2]
        err.print(f"Serving {settings.store} read-only at http://{bound_host}:{bound_port}/sparql "
                  f"(query page: http://{bound_host}:{bound_port}/); Ctrl+C stops", markup=False, soft_wrap=True)
        if host not in ("127.0.0.1", "localhost", "::1"):
            err.print(f"warning: listening on {host}: other machines can reach this endpoint", markup=False)

    try:
        run_server(settings, ready)
    except ServeError as exc:
        raise fail(f"error: {exc}", 2)

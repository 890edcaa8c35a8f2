"""The hub's web app: the central server's app on the hub's database, with ``/api/v1/sync``
served by ``sync.hub.service`` (relay queue, sub-leased numbers) and no hub endpoints of its
own (a hub does not serve hubs)."""

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.responses import JSONResponse, Response
from fastapi.routing import APIRoute
from fastapi.security import HTTPBearer

from sync.hub import forward, service
from sync.hub.upstream import Upstream
from sync.protocol import SyncRequest, SyncResponse
from sync.server import auth
from sync.server.app import create_app
from sync.server.hubs import API as HUB_API
from sync.server.service import TooManyMutations
from sync.server.settings import Settings

SYNC_PATH = "/api/v1/sync"


def create_hub_app(
    settings: Settings,
    wake: Callable[[], None] = lambda: None,
    upstream: Upstream | None = None,
) -> FastAPI:
    """The hub's app; ``wake`` is called after every request that queued something (the relay
    loop then sends it upstream at once). With ``upstream``, what only central can answer
    (other offices, deliveries, certificates, timestamps, trust) goes through it
    (``sync.hub.forward``)."""
    app = create_app(settings)
    app.router.routes = [
        route
        for route in app.router.routes
        if not (
            isinstance(route, APIRoute)
            and (route.path == SYNC_PATH or route.path.startswith(HUB_API))
        )
    ]
    app.openapi_schema = None
    engine = app.state.engine
    bearer = HTTPBearer(auto_error=False, description="The device token from enrolment")

    def device(request: Request, _scheme: Annotated[Any, Depends(bearer)]) -> auth.Device:
        try:
            return auth.authenticate(engine, request.headers.get("authorization"))
        except auth.Unauthorised as exc:
            raise HTTPException(401, str(exc), headers={"WWW-Authenticate": "Bearer"}) from exc

    @app.post(SYNC_PATH, response_model=SyncResponse)
    def sync(body: SyncRequest, dev: Annotated[auth.Device, Depends(device)]) -> Any:
        app.state.pki.maybe_refresh()
        try:
            answer = service.handle_sync(engine, dev, body, settings)
        except TooManyMutations as exc:
            return JSONResponse({"detail": str(exc)}, status_code=413)
        if body.mutations or body.audit:
            wake()
        # Serialised once here: FastAPI would validate the model again against response_model
        # first (thousands of acks and changes in a big sync).
        return Response(answer.model_dump_json(), media_type="application/json")

    if upstream is not None:
        forward.install(app, upstream, device)

    return app

"""Policy Gateway connector for FastAPI: route chat requests through the gateway's /policy surface.

Quickstart::

    from fastapi import FastAPI, Request
    from policy_gateway import policy_gateway_client_from_env, policy_user_from_request

    app = FastAPI()
    client = policy_gateway_client_from_env()

    @app.post("/chat")
    async def chat(request: Request):
        body = await request.json()
        policy_user = policy_user_from_request(request)
        return await client.chat_completions(body, policy_user=policy_user)
"""

from .client import GATEWAY_ONLY_FIELDS, PolicyGatewayClient
from .config import DEFAULT_BASE_URL, PolicyGatewayConfig
from .dependencies import install_policy_gateway_error_handler, policy_gateway_client, policy_gateway_client_from_env
from .errors import PolicyGatewayError
from .users import policy_user_from_request

__all__ = [
    "DEFAULT_BASE_URL",
    "GATEWAY_ONLY_FIELDS",
    "PolicyGatewayClient",
    "PolicyGatewayConfig",
    "PolicyGatewayError",
    "install_policy_gateway_error_handler",
    "policy_gateway_client",
    "policy_gateway_client_from_env",
    "policy_user_from_request",
]
__version__ = "0.1.0"

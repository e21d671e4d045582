from __future__ import annotations

import base64
import hashlib
from time import time as _time
from typing import TYPE_CHECKING, Any, Literal, cast

from oauthlib.oauth1 import SIGNATURE_TYPE_AUTH_HEADER
from requests_oauthlib import OAuth1

from social_core.backends.base import ResponseT_co
from social_core.exceptions import (
    AuthCanceled,
    AuthConfigurationError,
    AuthInputError,
    AuthProviderError,
    AuthResponseError,
    AuthSessionError,
    ErrorStage,
    SocialAuthBaseException,
)
from social_core.utils import (
    constant_time_compare,
    handle_http_errors,
    parse_qs,
    url_add_parameters,
    wrap_access_token_error,
)

from .base import BaseAuth

if TYPE_CHECKING:
    from collections.abc import Mapping

    from requests import Response
    from requests.auth import AuthBase

    from social_core.storage import UserProtocol


class OAuthAuth(BaseAuth[ResponseT_co]):
    """OAuth authentication backend base class.

    Settings will be inspected to get more values names that should be
    stored on extra_data field. The setting name is created following the
    pattern SOCIAL_AUTH_<uppercase current backend name>_EXTRA_DATA.

    access_token is always stored.

    URLs settings:
        AUTHORIZATION_URL       Authorization service url
        ACCESS_TOKEN_URL        Access token URL
    """

    AUTHORIZATION_URL = ""
    ACCESS_TOKEN_URL: str = ""
    ACCESS_TOKEN_METHOD: Literal["GET", "POST"] = "POST"
    ACCESS_TOKEN_PAYLOAD: Literal["form", "json"] = "form"
    REVOKE_TOKEN_URL: str = ""
    REVOKE_TOKEN_METHOD: Literal["GET", "POST", "DELETE"] = "POST"
    ID_KEY = "id"
    SCOPE_PARAMETER_NAME = "scope"
    DEFAULT_SCOPE: list[str] | None = None
    SCOPE_SEPARATOR = " "
    REDIRECT_STATE = False
    STATE_PARAMETER = False

    def extra_data(
        self,
        user,
        uid: str,
        response: dict[str, Any],
        details: dict[str, Any],
        pipeline_kwargs: dict[str, Any],
    ) -> dict[str, Any]:
        """Return access_token and extra defined names to store in
        extra_data field"""
        data = super().extra_data(user, uid, response, details, pipeline_kwargs)
        data["access_token"] = response.get("access_token") or pipeline_kwargs.get(
            "access_token"
        )
        return data

    def state_token(self):
        """Generate csrf token to include as state parameter."""
        return self.strategy.random_string(32)

    def get_or_create_state(self) -> str | None:
        if self.ASSOCIATION_ONLY:
            return self.get_association_state()
        if self.STATE_PARAMETER or self.REDIRECT_STATE:
            # Store state in session for further request validation. The state
            # value is passed as state parameter (as specified in OAuth2 spec),
            # but also added to redirect, that way we can still verify the
            # request if the provider doesn't implement the state parameter.
            # Reuse token if any.
            name = f"{self.name}_state"
            state = self.strategy.session_get(name)
            if state is None:
                state = self.state_token()
                self.strategy.session_set(name, state)
        else:
            state = None
        return state

    def get_session_state(self):
        if self.ASSOCIATION_ONLY:
            return self.get_association_state()
        return self.strategy.session_get(f"{self.name}_state")

    def get_request_state(self):
        request_state = self.data.get("state") or self.data.get("redirect_state")
        if request_state and isinstance(request_state, list):
            request_state = request_state[0]
        return request_state

    def validate_state(self):
        """Validate state value. Raises exception on error, returns state
        value if valid."""
        if not self.STATE_PARAMETER and not self.REDIRECT_STATE:
            return None
        state = self.get_session_state()
        request_state = self.get_request_state()
        if not request_state:
            raise AuthInputError(
                self, parameter="state", code="missing_parameter", stage="callback"
            )
        if not state:
            raise AuthSessionError(
                self, "state", code="session_context_missing", stage="callback"
            )
        if not constant_time_compare(request_state, state):
            raise AuthSessionError(self, code="state_mismatch", stage="callback")
        return state

    def get_redirect_uri(self, state: str | None = None) -> str:
        """Build redirect with redirect_state parameter."""
        uri = cast("str", self.redirect_uri)
        if self.REDIRECT_STATE and state:
            uri = url_add_parameters(uri, {"redirect_state": state})
        return uri

    def get_scope(self) -> list[str]:
        """Return list with needed access scope"""
        scope = cast("list[str]", self.setting("SCOPE", []))
        if not self.setting("IGNORE_DEFAULT_SCOPE", False):
            scope = scope + (self.DEFAULT_SCOPE or [])
        return scope

    def get_scope_argument(self):
        param = {}
        scope = self.get_scope()
        if scope:
            param[self.SCOPE_PARAMETER_NAME] = self.SCOPE_SEPARATOR.join(scope)
        return param

    def user_data(self, access_token, *args, **kwargs) -> dict[str, Any] | None:
        """Loads user data from service. Implement in subclass"""
        raise NotImplementedError

    def authorization_url(self) -> str:
        url = cast("str", self.setting("AUTHORIZATION_URL", self.AUTHORIZATION_URL))
        if format_params := self.get_authorization_url_format():
            return url.format(**format_params)
        return url

    def get_authorization_url_format(self) -> dict[str, str]:
        return {}

    def access_token_url(self) -> str:
        url = cast("str", self.setting("ACCESS_TOKEN_URL", self.ACCESS_TOKEN_URL))
        if format_params := self.get_access_token_url_format():
            return url.format(**format_params)
        return url

    def get_access_token_url_format(self) -> dict[str, str]:
        return {}

    def revoke_token_url(self, token, uid) -> str:
        return cast("str", self.setting("REVOKE_TOKEN_URL", self.REVOKE_TOKEN_URL))

    def revoke_token_params(self, token, uid) -> dict[str, Any]:
        return {}

    def revoke_token_headers(self, token, uid) -> dict[str, Any]:
        return {}

    def process_revoke_token_response(self, response):
        return response.status_code == 200

    def revoke_token(self, token, uid):
        if revoke_token_url := self.revoke_token_url(token, uid):
            params = self.revoke_token_params(token, uid)
            headers = self.revoke_token_headers(token, uid)
            data = params if self.REVOKE_TOKEN_METHOD != "GET" else None
            response = self.request(
                revoke_token_url,
                params=params,
                headers=headers,
                data=data,
                method=self.REVOKE_TOKEN_METHOD,
                stage="disconnect",
            )
            return self.process_revoke_token_response(response)
        return None


class BaseOAuth1(OAuthAuth[ResponseT_co]):
    """Consumer based mechanism OAuth authentication, fill the needed
    parameters to communicate properly with authentication service.

    URLs settings:
        REQUEST_TOKEN_URL       Request token URL

    """

    REQUEST_TOKEN_URL: str = ""
    REQUEST_TOKEN_METHOD: Literal["GET", "POST"] = "GET"
    OAUTH_TOKEN_PARAMETER_NAME = "oauth_token"
    REDIRECT_URI_PARAMETER_NAME = "redirect_uri"
    UNATHORIZED_TOKEN_SUFIX = "unauthorized_token_name"

    def auth_url(self) -> str:
        """Return redirect url"""
        token = self.set_unauthorized_token()
        return self.oauth_authorization_request(token)

    def process_error(self, data, *, stage: ErrorStage = "callback") -> None:
        if "oauth_problem" in data:
            if data["oauth_problem"] == "user_refused":
                raise AuthCanceled(
                    self,
                    "User refused the access",
                    code="authorization_declined",
                    provider_code=data["oauth_problem"],
                    stage=stage,
                )
            raise AuthProviderError(
                self,
                provider_code=data["oauth_problem"],
                code="http_error",
                stage=stage,
            )

    @handle_http_errors
    def auth_complete(self, *args, **kwargs) -> UserProtocol | ResponseT_co | None:
        """Return user, might be logged in"""
        # Multiple unauthorized tokens are supported (see #521)
        self.process_error(self.data)
        self.validate_state()
        token = self.get_unauthorized_token()
        access_token = self.access_token(token)
        return self.do_auth(access_token, *args, **kwargs)

    @handle_http_errors
    def do_auth(self, access_token, *args, **kwargs):
        """Finish the auth process once the access_token was retrieved"""
        if not isinstance(access_token, dict):
            access_token = parse_qs(access_token)
        data = self.user_data(access_token)
        if data is not None and "access_token" not in data:
            data["access_token"] = access_token
        kwargs.update({"response": data, "backend": self})
        return self.strategy.authenticate(*args, **kwargs)

    def get_unauthorized_token(self):
        name = self.name + self.UNATHORIZED_TOKEN_SUFIX
        unauthed_tokens = self.strategy.session_get(name, [])
        if not unauthed_tokens:
            raise AuthSessionError(
                self,
                "Missing unauthorized token",
                code="session_context_missing",
                stage="callback",
            )

        data_token = self.data.get(self.OAUTH_TOKEN_PARAMETER_NAME)

        if data_token is None:
            raise AuthSessionError(
                self,
                "Missing unauthorized token",
                code="session_context_missing",
                stage="callback",
            )

        token = None
        for utoken in unauthed_tokens:
            orig_utoken = utoken
            if not isinstance(utoken, dict):
                utoken = parse_qs(utoken)
            if utoken.get(self.OAUTH_TOKEN_PARAMETER_NAME) == data_token:
                self.strategy.session_set(
                    name, list(set(unauthed_tokens) - {orig_utoken})
                )
                token = utoken
                break
        else:
            raise AuthSessionError(
                self,
                "Incorrect tokens",
                code="state_mismatch",
                stage="callback",
            )
        return token

    def set_unauthorized_token(self):
        token = self.unauthorized_token()
        name = self.name + self.UNATHORIZED_TOKEN_SUFIX
        tokens = [*self.strategy.session_get(name, []), token]
        self.strategy.session_set(name, tokens)
        return token

    def request_token_extra_arguments(self) -> dict[str, str]:
        """Return extra arguments needed on request-token process"""
        return cast("dict[str, str]", self.setting("REQUEST_TOKEN_EXTRA_ARGUMENTS", {}))

    def _validate_token_credentials(self, token: dict, *, stage: ErrorStage) -> None:
        for parameter in ("oauth_token", "oauth_token_secret"):
            value = token.get(parameter)
            if not isinstance(value, str) or not value:
                raise AuthResponseError(
                    self, claim=parameter, code="missing_claim", stage=stage
                )

    def unauthorized_token(self):
        """Return request for unauthorized token (first stage)"""
        params = self.request_token_extra_arguments()
        params.update(self.get_scope_argument())
        key, secret = self.get_key_and_secret()
        state = self.get_or_create_state()
        response = self.request(
            self.REQUEST_TOKEN_URL,
            params=params,
            auth=OAuth1(key, secret, callback_uri=self.get_redirect_uri(state)),
            method=self.REQUEST_TOKEN_METHOD,
            stage="begin",
        )
        content = response.content
        if response.encoding or response.apparent_encoding:
            content = content.decode(response.encoding or response.apparent_encoding)
        else:
            content = response.content.decode()
        token = parse_qs(content)
        self._process_error(token, stage="begin")
        self._validate_token_credentials(token, stage="begin")
        return content

    def oauth_authorization_request(self, token):
        """Generate OAuth request to authorize token."""
        if not isinstance(token, dict):
            token = parse_qs(token)
        params = self.auth_extra_arguments() or {}
        params.update(self.get_scope_argument())
        params[self.OAUTH_TOKEN_PARAMETER_NAME] = cast(
            "str", token.get(self.OAUTH_TOKEN_PARAMETER_NAME)
        )
        state = self.get_or_create_state()
        params[self.REDIRECT_URI_PARAMETER_NAME] = self.get_redirect_uri(state)
        return url_add_parameters(self.authorization_url(), params)

    def oauth_auth(
        self,
        token: dict | None = None,
        oauth_verifier=None,
        signature_type=SIGNATURE_TYPE_AUTH_HEADER,
        *,
        stage: ErrorStage = "callback",
    ):
        key, secret = self.get_key_and_secret()
        oauth_verifier = oauth_verifier or self.data.get("oauth_verifier")
        if token:
            resource_owner_key = token.get("oauth_token")
            resource_owner_secret = token.get("oauth_token_secret")
            if not resource_owner_key:
                raise AuthResponseError(
                    self, claim="oauth_token", code="missing_claim", stage=stage
                )
            if not resource_owner_secret:
                raise AuthResponseError(
                    self,
                    claim="oauth_token_secret",
                    code="missing_claim",
                    stage=stage,
                )
        else:
            resource_owner_key = None
            resource_owner_secret = None
        state = self.get_or_create_state()
        return OAuth1(
            key,
            secret,
            resource_owner_key=resource_owner_key,
            resource_owner_secret=resource_owner_secret,
            callback_uri=self.get_redirect_uri(state),
            verifier=oauth_verifier,
            signature_type=signature_type,
        )

    def oauth_request(
        self, token: dict, url: str, params=None, method: Literal["GET", "POST"] = "GET"
    ) -> Response:
        """Generate OAuth request, setups callback url"""
        return self.request(
            url,
            method=method,
            params=params,
            auth=self.oauth_auth(token, stage="user_info"),
        )

    def access_token(self, token: dict) -> dict[str, str]:
        """Return request for access token value"""
        response = self.get_querystring(
            self.access_token_url(),
            auth=self.oauth_auth(token, stage="token_exchange"),
            method=self.ACCESS_TOKEN_METHOD,
            stage="token_exchange",
        )
        self._process_error(response, stage="token_exchange")
        self._validate_token_credentials(response, stage="token_exchange")
        return response

    def user_data(self, access_token: dict, *args, **kwargs) -> dict[str, Any] | None:
        """Loads user data from service. Implement in subclass"""
        return {}


class BaseOAuth2(OAuthAuth[ResponseT_co]):
    """Base class for OAuth2 providers.

    OAuth2 details at:
        https://datatracker.ietf.org/doc/html/rfc6749
    """

    REFRESH_TOKEN_URL: str | None = None
    REFRESH_TOKEN_METHOD: Literal["GET", "POST", "DELETE"] = "POST"
    RESPONSE_TYPE: str | None = "code"
    REDIRECT_STATE = True
    STATE_PARAMETER = True
    USE_BASIC_AUTH = False
    STATE_LIFETIME = 1800
    _oauth2_transaction: dict[str, Any] | None = None

    def transaction_key(self, state: str) -> str:
        return f"{self.name}_oauth2_state_{state}"

    def _transaction_index_key(self) -> str:
        return f"{self.name}_oauth2_transaction_index"

    def _nonce_scope(self) -> str:

#
# The MIT License (MIT)
#
# Copyright (C) 2017 Marcos Pereira <marcospereira.mpj@gmail.com>
#
# Permission is hereby granted, free of charge, to any person obtaining a copy of
# this software and associated documentation files (the "Software"), to deal in
# the Software without restriction, including without limitation the rights to
# use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of
# the Software, and to permit persons to whom the Software is furnished to do so,
# subject to the following conditions:
#
# The above copyright notice and this permission notice shall be included in all
# copies or substantial portions of the Software.
#
# THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
# IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS
# FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR
# COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER
# IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN
# CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.

"""
Keycloak OpenID module.

The module contains mainly the implementation of KeycloakOpenID class, the main
class to handle authentication and token manipulation.
"""

from __future__ import annotations

import json
import pathlib
from typing import Any

import aiofiles
from jwcrypto import jwk, jwt

from .authorization import Authorization
from .connection import ConnectionManager
from .exceptions import (
    HTTP_FORBIDDEN,
    HTTP_NO_CONTENT,
    HTTP_NOT_ALLOWED,
    HTTP_NOT_FOUND,
    HTTP_UNAUTHORIZED,
    KeycloakAuthenticationError,
    KeycloakAuthorizationConfigError,
    KeycloakDeprecationError,
    KeycloakGetError,
    KeycloakInvalidTokenError,
    KeycloakPostError,
    KeycloakPutError,
    KeycloakRPTNotFound,
    raise_error_from_response,
)
from .uma_permissions import AuthStatus, build_permission_param
from .urls_patterns import (
    URL_AUTH,
    URL_CERTS,
    URL_CLIENT_REGISTRATION,
    URL_CLIENT_UPDATE,
    URL_DEVICE,
    URL_ENTITLEMENT,
    URL_INTROSPECT,
    URL_LOGOUT,
    URL_REALM,
    URL_TOKEN,
    URL_USERINFO,
    URL_WELL_KNOWN,
)


class KeycloakOpenID:
    """
    Keycloak OpenID client.

    :param server_url: Keycloak server url
    :param client_id: client id
    :param realm_name: realm name
    :param client_secret_key: client secret key
    :param verify: Boolean value to enable or disable certificate validation or a string
        containing a path to a CA bundle to use
    :param custom_headers: dict of custom header to pass to each HTML request
    :param proxies: dict of proxies to sent the request by.
    :param timeout: connection timeout in seconds
    :param cert: An SSL certificate used by the requested host to authenticate the client.
        Either a path to an SSL certificate file, or two-tuple of
        (certificate file, key file).
    :param max_retries: The total number of times to retry HTTP requests.
    :param pool_maxsize: The maximum number of connections to save in the pool.
    :type pool_maxsize: int
    """

    def __init__(
        self,
        server_url: str,
        realm_name: str,
        client_id: str,
        client_secret_key: str | None = None,
        verify: bool | str = True,
        custom_headers: dict | None = None,
        proxies: dict | None = None,
        timeout: int | None = 60,
        cert: str | tuple | None = None,
        max_retries: int = 1,
        pool_maxsize: int | None = None,
    ) -> None:
        """
        Init method.

        :param server_url: Keycloak server url
        :type server_url: str
        :param client_id: client id
        :type client_id: str
        :param realm_name: realm name
        :type realm_name: str
        :param client_secret_key: client secret key
        :type client_secret_key: str
        :param verify: Boolean value to enable or disable certificate validation or a string
            containing a path to a CA bundle to use
        :type verify: Union[bool,str]
        :param custom_headers: dict of custom header to pass to each HTML request
        :type custom_headers: dict
        :param proxies: dict of proxies to sent the request by.
        :type proxies: dict
        :param timeout: connection timeout in seconds
        :type timeout: int
        :param cert: An SSL certificate used by the requested host to authenticate the client.
            Either a path to an SSL certificate file, or two-tuple of
            (certificate file, key file).
        :type cert: Union[str,Tuple[str,str]]
        :param max_retries: The total number of times to retry HTTP requests.
        :type max_retries: int
        :param pool_maxsize: The maximum number of connections to save in the pool.
        :type pool_maxsize: int
        """
        self.client_id = client_id
        self.client_secret_key = client_secret_key
        self.realm_name = realm_name
        headers = custom_headers if custom_headers is not None else {}
        self.connection = ConnectionManager(
            base_url=server_url,
            headers=headers,
            timeout=timeout,
            verify=verify,
            proxies=proxies,
            cert=cert,
            max_retries=max_retries,
            pool_maxsize=pool_maxsize,
        )

        self.authorization = Authorization()

    @property
    def client_id(self) -> str:
        """
        Get client id.

        :returns: Client id
        :rtype: str
        """
        return self._client_id

    @client_id.setter
    def client_id(self, value: str) -> None:
        self._client_id = value

    @property
    def client_secret_key(self) -> str | None:
        """
        Get the client secret key.

        :returns: Client secret key
        :rtype: str
        """
        return self._client_secret_key

    @client_secret_key.setter
    def client_secret_key(self, value: str | None) -> None:
        self._client_secret_key = value

    @property
    def realm_name(self) -> str:
        """
        Get the realm name.

        :returns: Realm name
        :rtype: str
        """
        return self._realm_name

    @realm_name.setter
    def realm_name(self, value: str) -> None:
        self._realm_name = value

    @property
    def connection(self) -> ConnectionManager:
        """
        Get connection.

        :returns: Connection manager object
        :rtype: ConnectionManager
        """
        return self._connection

    @connection.setter
    def connection(self, value: ConnectionManager) -> None:
        self._connection = value

    @property
    def authorization(self) -> Authorization:
        """
        Get authorization.

        :returns: The authorization manager
        :rtype: Authorization
        """
        return self._authorization

    @authorization.setter
    def authorization(self, value: Authorization) -> None:
        self._authorization = value

    def _add_secret_key(self, payload: dict) -> dict:
        """
        Add secret key if exists.

        :param payload: Payload
        :type payload: dict
        :returns: Payload with the secret key
        :rtype: dict
        """
        if self.client_secret_key:
            payload.update({"client_secret": self.client_secret_key})

        return payload

    def _build_name_role(self, role: str) -> str:
        """
        Build name of a role.

        :param role: Role name
        :type role: str
        :returns: Role path
        :rtype: str
        """
        return self.client_id + "/" + role

    def _token_info(self, token: str, method_token_info: str, **kwargs: Any) -> dict:  # noqa: ANN401
        """
        Getter for the token data.

        :param token: Token
        :type token: str
        :param method_token_info: Token info method to use
        :type method_token_info: str
        :param kwargs: Additional keyword arguments passed to the decode_token method
        :type kwargs: dict
        :returns: Token info
        :rtype: dict
        """
        if method_token_info == "introspect":  # noqa: S105
            token_info = self.introspect(token)
        else:
            token_info = self.decode_token(token, **kwargs)

        return token_info

    def well_known(self) -> dict:
        """
        Get the well_known object.

        The most important endpoint to understand is the well-known configuration
        endpoint. It lists endpoints and other configuration options relevant to
        the OpenID Connect implementation in Keycloak.

        :returns: It lists endpoints and other configuration options relevant
        :rtype: dict
        """
        params_path = {"realm-name": self.realm_name}
        data_raw = self.connection.raw_get(URL_WELL_KNOWN.format(**params_path))
        res = raise_error_from_response(data_raw, KeycloakGetError)
        if not isinstance(res, dict):
            msg = (
                f"Unexpected response type on well_known. Expected 'dict', received '{type(res)}'"
                f", value: {res}"
            )
            raise TypeError(msg)

        return res

    def auth_url(
        self,
        redirect_uri: str,
        scope: str = "email",
        state: str = "",
        nonce: str = "",
        code_challenge: str | None = None,
        code_challenge_method: str | None = None,
    ) -> str:
        """
        Get authorization URL endpoint.

        :param redirect_uri: Redirect url to receive oauth code
        :type redirect_uri: str
        :param scope: Scope of authorization request, split with the blank space
        :type scope: str
        :param state: State will be returned to the redirect_uri
        :type state: str
        :param nonce: Associates a Client session with an ID Token to mitigate replay attacks
        :type nonce: str
        :param code_challenge: PKCE code challenge
        :type code_challenge: str
        :param code_challenge_method: PKCE code challenge method
        :type code_challenge_method: str
        :returns: Authorization URL Full Build
        :rtype: str
        """
        params_path = {
            "authorization-endpoint": self.well_known()["authorization_endpoint"],
            "client-id": self.client_id,
            "redirect-uri": redirect_uri,
            "scope": scope,
            "state": state,
            "nonce": nonce,
        }
        url = URL_AUTH.format(**params_path)
        if code_challenge:
            url += f"&code_challenge={code_challenge}"
        if code_challenge_method:
            url += f"&code_challenge_method={code_challenge_method}"
        return url

    def token(
        self,
        username: str | None = "",
        password: str | None = "",
        grant_type: str = "password",
        code: str = "",
        redirect_uri: str = "",
        totp: int | None = None,
        scope: str = "openid",
        code_verifier: str | None = None,
        **extra: Any,  # noqa: ANN401
    ) -> dict:
        """
        Retrieve user token.

        The token endpoint is used to obtain tokens. Tokens can either be obtained by
        exchanging an authorization code or by supplying credentials directly depending on
        what flow is used. The token endpoint is also used to obtain new access tokens
        when they expire.

        http://openid.net/specs/openid-connect-core-1_0.html#TokenEndpoint

        :param username: Username
        :type username: str
        :param password: Password
        :type password: str
        :param grant_type: Grant type
        :type grant_type: str
        :param code: Code
        :type code: str
        :param redirect_uri: Redirect URI
        :type redirect_uri: str
        :param totp: Time-based one-time password
        :type totp: int
        :param scope: Scope, defaults to openid
        :type scope: str
        :param code_verifier: PKCE code verifier
        :type code_verifier: str
        :param extra: Additional extra arguments
        :type extra: dict
        :returns: Keycloak token
        :rtype: dict
        """
        params_path = {"realm-name": self.realm_name}
        payload = {
            "username": username,
            "password": password,
            "client_id": self.client_id,
            "grant_type": grant_type,
            "code": code,
            "redirect_uri": redirect_uri,
            "scope": scope,
        }
        if code_verifier:
            payload["code_verifier"] = code_verifier
        if extra:
            payload.update(extra)

        if totp:
            payload["totp"] = totp

        payload = self._add_secret_key(payload)
        content_type = (self.connection.headers or {}).get("Content-Type")
        self.connection.add_param_headers("Content-Type", "application/x-www-form-urlencoded")
        data_raw = self.connection.raw_post(URL_TOKEN.format(**params_path), data=payload)
        (
            self.connection.add_param_headers("Content-Type", content_type)
            if content_type
            else self.connection.del_param_headers("Content-Type")
        )
        res = raise_error_from_response(data_raw, KeycloakPostError)
        if not isinstance(res, dict):
            msg = (
                f"Unexpected response type from 'token'. Expected 'dict', received '{type(res)}'"
                f", value {res}."
            )
            raise TypeError(msg)

        return res

    def refresh_token(self, refresh_token: str, grant_type: str = "refresh_token") -> dict:
        """
        Refresh the user token.

        The token endpoint is used to obtain tokens. Tokens can either be obtained by
        exchanging an authorization code or by supplying credentials directly depending on
        what flow is used. The token endpoint is also used to obtain new access tokens
        when they expire.

        http://openid.net/specs/openid-connect-core-1_0.html#TokenEndpoint

        :param refresh_token: Refresh token from Keycloak
        :type refresh_token: str
        :param grant_type: Grant type
        :type grant_type: str
        :returns: New token
        :rtype: dict
        """
        params_path = {"realm-name": self.realm_name}
        payload = {
            "client_id": self.client_id,
            "grant_type": grant_type,
            "refresh_token": refresh_token,
        }
        payload = self._add_secret_key(payload)
        content_type = (self.connection.headers or {}).get("Content-Type")
        self.connection.add_param_headers("Content-Type", "application/x-www-form-urlencoded")
        data_raw = self.connection.raw_post(URL_TOKEN.format(**params_path), data=payload)
        (
            self.connection.add_param_headers("Content-Type", content_type)
            if content_type
            else self.connection.del_param_headers("Content-Type")
        )
        res = raise_error_from_response(data_raw, KeycloakPostError)
        if not isinstance(res, dict):
            msg = (
                "Unexpected response type from refresh_token. "
                f"Expected 'dict', received '{type(res)}'"
                f", value: {res}."
            )
            raise TypeError(msg)

        return res

    def exchange_token(
        self,
        token: str,
        audience: str | None = None,
        subject: str | None = None,
        subject_token_type: str | None = None,
        subject_issuer: str | None = None,
        requested_issuer: str | None = None,
        requested_token_type: str = "urn:ietf:params:oauth:token-type:refresh_token",  # noqa: S107
        scope: str = "openid",
    ) -> dict:
        """
        Exchange user token.

        Use a token to obtain an entirely different token. See
        https://www.keycloak.org/docs/latest/securing_apps/index.html#_token-exchange

        :param token: Access token
        :type token: str
        :param audience: Audience
        :type audience: str
        :param subject: Subject
        :type subject: str
        :param subject_token_type: Token Type specification
        :type subject_token_type: Optional[str]
        :param subject_issuer: Issuer
        :type subject_issuer: Optional[str]
        :param requested_issuer: Issuer
        :type requested_issuer: Optional[str]

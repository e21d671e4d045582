"""
Backend for SAML 2.0 support

Terminology:

"Service Provider" (SP): Your web app
"Identity Provider" (IdP): The third-party site that is authenticating
                           users via SAML
"""

from __future__ import annotations

import json
from html import escape
from secrets import token_urlsafe
from typing import Any, cast

# lxml exposes this exception from its C extension.
# pylint: disable-next=no-name-in-module
from lxml.etree import XMLSyntaxError
from onelogin.saml2.auth import OneLogin_Saml2_Auth
from onelogin.saml2.constants import OneLogin_Saml2_Constants
from onelogin.saml2.errors import OneLogin_Saml2_Error, OneLogin_Saml2_ValidationError
from onelogin.saml2.response import OneLogin_Saml2_Response
from onelogin.saml2.settings import OneLogin_Saml2_Settings
from onelogin.saml2.utils import OneLogin_Saml2_Utils
from onelogin.saml2.xml_utils import OneLogin_Saml2_XML
from xmlsec import Error as XMLSecError

from social_core.backends.base import ResponseT_co
from social_core.exceptions import (
    AuthConfigurationError,
    AuthInputError,
    AuthResponseError,
    AuthSessionError,
    ErrorStage,
)
from social_core.groups import read_groups
from social_core.utils import constant_time_compare, user_is_authenticated

from .base import BaseAuth

# Helpful constants:
OID_COMMON_NAME = "urn:oid:2.5.4.3"
OID_EDU_PERSON_PRINCIPAL_NAME = "urn:oid:1.3.6.1.4.1.5923.1.1.1.6"
OID_EDU_PERSON_ENTITLEMENT = "urn:oid:1.3.6.1.4.1.5923.1.1.1.7"
OID_GIVEN_NAME = "urn:oid:2.5.4.42"
OID_MAIL = "urn:oid:0.9.2342.19200300.100.1.3"
OID_SURNAME = "urn:oid:2.5.4.4"
OID_USERID = "urn:oid:0.9.2342.19200300.100.1.1"


FULLNAME_FIELDS = (
    OID_COMMON_NAME,
    "http://schemas.xmlsoap.org/claims/CommonName",
    "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/fullname",
    "http://schemas.microsoft.com/identity/claims/displayname",
    "full_name",
    "fullname",
    "fullName",
)

FIRST_NAME_FIELDS = (
    OID_GIVEN_NAME,
    "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname",
    "first_name",
    "firstname",
    "firstName",
    "given_name",
    "givenname",
    "givenName",
)
LAST_NAME_FIELDS = (
    OID_SURNAME,
    "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname",
    "last_name",
    "lastname",
    "lastName",
    "surname",
)
EMAIL_FIELDS = (
    OID_MAIL,
    "http://schemas.xmlsoap.org/claims/EmailAddress",
    "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress",
    "email",
    "mail",
)

USERNAME_FIELDS = (
    OID_USERID,
    "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name",
    "subjectNameID",
    "username",
)

PERSISTENT_FIELDS = (
    OID_USERID,
    "name_id",
)

# The toolkit can raise parser and crypto errors before its validation error
# handling runs (including while decrypting an assertion in its constructor).
SAML_RESPONSE_ERRORS = (
    OneLogin_Saml2_Error,
    OneLogin_Saml2_ValidationError,
    XMLSyntaxError,
    XMLSecError,
    ValueError,
)


class SAMLIdentityProvider:
    """Wrapper around configuration for a SAML Identity provider"""

    def __init__(self, backend: BaseAuth[object], name: str, **kwargs) -> None:
        """Load and parse configuration"""
        self.backend: BaseAuth[object] = backend
        self.name: str = name
        # name should be a slug and must not contain a colon, which
        # could conflict with uid prefixing:
        if ":" in self.name or " " in self.name:
            raise AuthConfigurationError(
                self.backend,
                'IdP "name" should be a slug (short, no spaces)',
                code="invalid_setting",
            )
        self.conf = kwargs

    def get_user_permanent_id(
        self, attributes: dict[str, str | list[str] | None]
    ) -> str:
        """
        The most important method: Get a permanent, unique identifier
        for this user from the attributes supplied by the IdP.

        If you want to use the NameID, it's available via
        attributes['name_id']
        """
        setting = "attr_user_permanent_id"
        uid = self.get_attr(attributes, setting, PERSISTENT_FIELDS)
        if not uid:
            raise AuthResponseError(
                self.backend,
                claim="attr_user_permanent_id",
                code="invalid_claim",
                stage="user_info",
            )
        return uid

    # Attributes processing:
    def get_user_details(
        self, attributes: dict[str, str | list[str] | None]
    ) -> dict[str, str | None]:
        """
        Given the SAML attributes extracted from the SSO response, get
        the user data like name.
        """
        return {
            "fullname": self.get_attr(attributes, "attr_full_name", FULLNAME_FIELDS),
            "first_name": self.get_attr(
                attributes, "attr_first_name", FIRST_NAME_FIELDS
            ),
            "last_name": self.get_attr(attributes, "attr_last_name", LAST_NAME_FIELDS),
            "username": self.get_attr(attributes, "attr_username", USERNAME_FIELDS),
            "email": self.get_attr(attributes, "attr_email", EMAIL_FIELDS),
        }

    def get_attr(
        self,
        attributes: dict[str, str | list[str] | None],
        conf_key: str,
        default_attributes: tuple[str, ...],
        *,
        validate_defaults: bool = False,
    ) -> str | None:
        """
        Internal helper method.
        Get the attribute 'default_attribute' out of the attributes,
        unless self.conf[conf_key] overrides the default by specifying
        another attribute to use.
        """
        validate = True

        try:
            # Use configured value
            attribute_name = self.conf[conf_key]
        except KeyError:
            # Find first matching attribute from default ones
            for attribute_name in default_attributes:
                if attribute_name in attributes:
                    break
            else:
                return None
            validate = validate_defaults
        else:
            # Value explicitly set to None, ignore the attribute
            if attribute_name is None:
                return None

        try:
            value = attributes[attribute_name]
        except KeyError as error:
            if validate:
                # Fail if configured or required attribute is not present
                raise AuthResponseError(
                    self.backend,
                    claim=attribute_name,
                    code="missing_claim",
                    stage="user_info",
                ) from error
            return None

        # Convert values list to the first value (if present)
        if isinstance(value, list):
            value = value[0] if value else None

        return value

    @property
    def entity_id(self):
        """Get the entity ID for this IdP"""
        # Required. e.g. "https://idp.testshib.org/idp/shibboleth"
        return self.conf["entity_id"]

    @property
    def sso_url(self):
        """Get the SSO URL for this IdP"""
        # Required. e.g.
        # "https://idp.testshib.org/idp/profile/SAML2/Redirect/SSO"
        return self.conf["url"]

    @property
    def slo_url(self):
        """Get the SLO URL for this IdP"""
        return self.conf.get("slo_url")

    @property
    def saml_config_dict(self):
        """Get the IdP configuration dict in the format required by
        python-saml"""
        result = {
            "entityId": self.entity_id,
            "singleSignOnService": {
                "url": self.sso_url,
                # python-saml only supports Redirect
                "binding": "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect",
            },
        }

        if self.slo_url:
            result["singleLogoutService"] = {
                "url": self.slo_url,
                "binding": "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect",
            }

        cert = self.conf.get("x509cert", None)
        if cert:
            result["x509cert"] = cert
            return result
        cert = self.conf.get("x509certMulti", None)
        if cert:
            result["x509certMulti"] = cert
            return result
        raise AuthConfigurationError(
            self.backend, parameter="x509cert", code="missing_setting"
        )


class SAMLAuth(BaseAuth[ResponseT_co]):
    """
    PSA Backend that implements SAML 2.0 Service Provider (SP) functionality.

    Unlike all of the other backends, this one can be configured to work with
    many identity providers (IdPs). For example, a University that belongs to a
    Shibboleth federation may support authentication via ~100 partner
    universities. Also, the IdP configuration can be changed at runtime if you
    require that functionality - just subclass this and override `get_idp()`.

    Several settings are required. Here's an example:

    SOCIAL_AUTH_SAML_SP_ENTITY_ID = "https://saml.example.com/"
    SOCIAL_AUTH_SAML_SP_PUBLIC_CERT = "... X.509 certificate string ..."
    SOCIAL_AUTH_SAML_SP_PRIVATE_KEY = "... private key ..."
    SOCIAL_AUTH_SAML_ORG_INFO = {
        "en-US": {
            "name": "example",
            "displayname": "Example Inc.",
            "url": "http://example.com"
        }
    }
    SOCIAL_AUTH_SAML_TECHNICAL_CONTACT = {
        "givenName": "Tech Gal",
        "emailAddress": "technical@example.com"
    }
    SOCIAL_AUTH_SAML_SUPPORT_CONTACT = {
        "givenName": "Support Guy",
        "emailAddress": "support@example.com"
    }
    SOCIAL_AUTH_SAML_ENABLED_IDPS = {
        "testshib": {
            "entity_id": "https://idp.testshib.org/idp/shibboleth",
            "url": "https://idp.testshib.org/idp/profile/SAML2/Redirect/SSO",
            "x509cert": "MIIEDjCCAvagAwIBAgIBADANBgkqhkiG9w0B...
                        ...8Bbnl+ev0peYzxFyF5sQA==",
        }
    }

    Optional settings:
    SOCIAL_AUTH_SAML_SP_EXTRA = {}
    SOCIAL_AUTH_SAML_SECURITY_CONFIG = {}
    """

    name = "saml"
    title = "SAML"
    EXTRA_DATA = []
    BROWSER_RETURN_FIELD = "psa_saml_browser_return"

    def _browser_return(self, saml_response: Any, relay_state: Any) -> ResponseT_co:
        if not isinstance(saml_response, str):
            raise AuthInputError(
                self,
                parameter="SAMLResponse",
                code="invalid_parameter",
                stage="callback",
            )
        if relay_state is not None and not isinstance(relay_state, str):
            raise AuthInputError(
                self,
                parameter="RelayState",
                code="invalid_parameter",
                stage="callback",
            )
        nonce = token_urlsafe(16)
        relay_field = (
            f'<input type="hidden" name="RelayState" value="{escape(relay_state, quote=True)}">'
            if relay_state is not None
            else ""
        )
        content = (
            '<!doctype html><html lang="en"><head><meta charset="utf-8">'
            "<title>Completing sign in...</title></head><body>"
            f'<form id="samlReturnForm" method="post" action="{escape(self.redirect_uri or "", quote=True)}">'
            f'<input type="hidden" name="SAMLResponse" value="{escape(saml_response, quote=True)}">'
            f"{relay_field}"
            f'<input type="hidden" name="{self.BROWSER_RETURN_FIELD}" value="1">'
            '<button type="submit">Continue signing in</button></form>'
            f'<script nonce="{nonce}">document.getElementById("samlReturnForm").submit();</script>'
            "</body></html>"
        )
        return self.strategy.html_with_headers(
            content,
            {
                "Cache-Control": "no-store, no-cache, must-revalidate",
                "Pragma": "no-cache",
                "Referrer-Policy": "no-referrer",
                "X-Frame-Options": "DENY",
                "Content-Security-Policy": (
                    f"default-src 'none'; script-src 'nonce-{nonce}'; "
                    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
                ),
            },
        )

    def _authn_request_id_session_key(self, idp_name: str) -> str:
        return f"{self.name}_{idp_name}_authn_request_id"

    def _process_response(
        self, auth: OneLogin_Saml2_Auth, request_id: str | None = None
    ) -> None:
        try:
            auth.process_response(request_id=request_id)
        except SAML_RESPONSE_ERRORS as error:
            if (
                isinstance(error, OneLogin_Saml2_Error)
                and error.code == OneLogin_Saml2_Error.SAML_RESPONSE_NOT_FOUND
            ):
                raise AuthInputError(
                    self,
                    code="missing_parameter",
                    parameter="SAMLResponse",
                    stage="callback",
                ) from error
            raise AuthResponseError(
                self,
                f"SAML login failed: {error}",
                code="malformed_response",
                stage="callback",
            ) from error
        errors = auth.get_errors()
        if errors or not auth.is_authenticated():
            reason = auth.get_last_error_reason()
            raise AuthResponseError(
                self,
                f"SAML login failed: {errors} ({reason})",
                code="malformed_response",
                stage="callback",
            )

    def _validate_in_response_to(
        self, auth: OneLogin_Saml2_Auth, request_id: str
    ) -> None:
        in_response_to_values = self._processed_response_in_response_to(auth)
        if not any(
            constant_time_compare(in_response_to, request_id)
            for in_response_to in in_response_to_values
        ):
            raise AuthSessionError(
                self,
                "SAML login failed: invalid InResponseTo",
                code="state_mismatch",
                stage="callback",
            )

    def _processed_response_in_response_to(
        self, auth: OneLogin_Saml2_Auth
    ) -> tuple[str, ...]:
        """Return ``InResponseTo`` values from a response validated by ``auth``.

        When only the assertion is signed, ``samlp:Response/@InResponseTo`` is
        outside the signature and can be stripped in transit. Fall back to the
        signed copies in bearer ``SubjectConfirmationData`` elements, since
        python3-saml accepts any usable bearer confirmation.
        """
        get_in_response_to = getattr(auth, "get_last_response_in_response_to", None)
        in_response_to = get_in_response_to() if get_in_response_to else None
        if in_response_to:
            return (cast("str", in_response_to),)
        get_response_xml = getattr(auth, "get_last_response_xml", None)
        response_xml = get_response_xml() if get_response_xml else None
        if not response_xml:
            return ()
        document = OneLogin_Saml2_XML.to_etree(response_xml)
        confirmations = OneLogin_Saml2_XML.query(
            document,
            "/samlp:Response/saml:Assertion/saml:Subject/saml:SubjectConfirmation",
        )
        current_url = OneLogin_Saml2_Utils.get_self_url_no_query(
            self._saml_request_data()
        )
        # Match python3-saml's strict SubjectConfirmationData checks. Its
        # ALLOWED_CLOCK_DRIFT applies to assertion Conditions, not confirmations.
        now = OneLogin_Saml2_Utils.now()
        values = []
        for confirmation in confirmations:
            method = confirmation.get("Method")
            if method and method != OneLogin_Saml2_Constants.CM_BEARER:
                continue
            data = confirmation.find(
                "saml:SubjectConfirmationData",
                namespaces=OneLogin_Saml2_Constants.NSMAP,
            )
            if data is None:
                continue
            recipient = data.get("Recipient")
            if recipient and current_url not in recipient:
                continue
            not_on_or_after = data.get("NotOnOrAfter")
            if (
                not_on_or_after
                and OneLogin_Saml2_Utils.parse_SAML_to_time(not_on_or_after) <= now
            ):
                continue
            not_before = data.get("NotBefore")
            if not_before and OneLogin_Saml2_Utils.parse_SAML_to_time(not_before) > now:
                continue

/*
 * Copyright Cedar Contributors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

//! JSON FFI entry points for the Cedar authorizer. The Cedar Wasm authorizer
//! is generated from the [`is_authorized()`] function in this file.

#![allow(
    clippy::module_name_repetitions,
    reason = "the natural FFI function names"
)]

use super::check_parse::CheckParseAnswer;
#[cfg(feature = "partial-eval")]
use super::utils::JsonValueWithNoDuplicateKeys;
use super::utils::{Context, DetailedError, Entities, EntityUid, PolicySet, Schema, WithWarnings};
use crate::{Authorizer, Decision, PolicyId, Request};
use cedar_policy_core::validator::cedar_schema::SchemaWarning;
use serde::{Deserialize, Serialize};
use serde_with::serde_as;
use std::collections::HashMap;
use std::collections::HashSet;
#[cfg(feature = "wasm")]
use tsify::{Ts, Tsify as _};
#[cfg(feature = "wasm")]
use wasm_bindgen::{prelude::wasm_bindgen, JsError};

#[cfg(feature = "wasm")]
extern crate tsify;

thread_local!(
    /// Per-thread authorizer instance, initialized on first use
    static AUTHORIZER: Authorizer = Authorizer::new();
    /// Thread-local storage for preparsed policy sets
    /// RefCell provides interior mutability - allows mutation through immutable references
    /// from thread_local!.with(), enabling both read (.borrow()) and write (.borrow_mut()) access
    static PREPARSED_POLICY_SETS: std::cell::RefCell<HashMap<String, crate::PolicySet>> =
        std::cell::RefCell::new(HashMap::new());
    /// Thread-local storage for preparsed schemas
    /// RefCell provides interior mutability - allows mutation through immutable references
    /// from thread_local!.with(), enabling both read (.borrow()) and write (.borrow_mut()) access
    static PREPARSED_SCHEMAS: std::cell::RefCell<HashMap<String, crate::Schema>> =
        std::cell::RefCell::new(HashMap::new());
);

/// Basic interface, using [`AuthorizationCall`] and [`AuthorizationAnswer`] types
///
/// # Errors
///
/// Throws if `call` does not match the `AuthorizationCall` type, or if the
/// answer cannot be serialized back to JavaScript.
#[cfg(feature = "wasm")]
#[expect(
    clippy::needless_pass_by_value,
    reason = "FFI function which conventionally takes owned arguments"
)]
#[wasm_bindgen(js_name = "isAuthorized")]
pub fn is_authorized_wasm(call: Ts<AuthorizationCall>) -> Result<Ts<AuthorizationAnswer>, JsError> {
    Ok(is_authorized(call.to_rust()?).into_ts()?)
}

/// Basic interface, using [`AuthorizationCall`] and [`AuthorizationAnswer`] types
///
/// An action declared `external` in the schema cannot be used in a request,
/// and an entity whose type is declared `external` cannot be supplied.
pub fn is_authorized(call: AuthorizationCall) -> AuthorizationAnswer {
    match call.parse() {
        WithWarnings {
            t: Ok((request, policies, entities)),
            warnings,
        } => AuthorizationAnswer::Success {
            response: AUTHORIZER.with(|authorizer| {
                authorizer
                    .is_authorized(&request, &policies, &entities)
                    .into()
            }),
            warnings: warnings.into_iter().map(Into::into).collect(),
        },
        WithWarnings {
            t: Err(errors),
            warnings,
        } => AuthorizationAnswer::Failure {
            errors: errors.into_iter().map(Into::into).collect(),
            warnings: warnings.into_iter().map(Into::into).collect(),
        },
    }
}

/// Input is a JSON encoding of [`AuthorizationCall`] and output is a JSON
/// encoding of [`AuthorizationAnswer`]
///
/// # Errors
///
/// Will return `Err` if the input JSON cannot be deserialized as an
/// [`AuthorizationCall`].
pub fn is_authorized_json(json: serde_json::Value) -> Result<serde_json::Value, serde_json::Error> {
    let ans = is_authorized(serde_json::from_value(json)?);
    serde_json::to_value(ans)
}

/// Input and output are strings containing serialized JSON, in the shapes
/// expected by [`is_authorized_json()`]
///
/// # Errors
///
/// Will return `Err` if the input cannot be converted to valid JSON or
/// deserialized as an [`AuthorizationCall`].
pub fn is_authorized_json_str(json: &str) -> Result<String, serde_json::Error> {
    let ans = is_authorized(serde_json::from_str(json)?);
    serde_json::to_string(&ans)
}

/// Preparse and cache a policy set in thread-local storage
///
/// # Errors
///
/// Throws if `policies` does not match the `PolicySet` type, or if the answer
/// cannot be serialized back to JavaScript.
#[cfg(feature = "wasm")]
#[expect(
    clippy::needless_pass_by_value,
    reason = "FFI function which conventionally takes owned arguments"
)]
#[wasm_bindgen(js_name = "preparsePolicySet")]
pub fn preparse_policy_set_wasm(
    pset_id: String,
    policies: Ts<PolicySet>,
) -> Result<Ts<CheckParseAnswer>, JsError> {
    Ok(preparse_policy_set(pset_id, policies.to_rust()?).into_ts()?)
}

/// Preparse and cache a policy set in thread-local storage
///
/// # Errors
///
/// Will return `Err` if the input cannot be parsed. Side-effect free on error.
pub fn preparse_policy_set(pset_id: String, policies: PolicySet) -> CheckParseAnswer {
    use super::check_parse::CheckParseAnswer;

    // Parse the policy set directly (check_parse_policy_set consumes the input)
    match policies.parse() {
        Ok(parsed_policies) => {
            PREPARSED_POLICY_SETS.with(|cache| {
                cache.borrow_mut().insert(pset_id, parsed_policies);
            });
            CheckParseAnswer::Success
        }
        Err(errors) => CheckParseAnswer::Failure {
            errors: errors.into_iter().map(Into::into).collect(),
        },
    }
}

/// Preparse and cache a schema in thread-local storage
///
/// # Errors
///
/// Throws if `schema` does not match the `Schema` type, or if the answer
/// cannot be serialized back to JavaScript.
#[cfg(feature = "wasm")]
#[expect(
    clippy::needless_pass_by_value,
    reason = "FFI function which conventionally takes owned arguments"
)]
#[wasm_bindgen(js_name = "preparseSchema")]
pub fn preparse_schema_wasm(
    schema_name: String,
    schema: Ts<Schema>,
) -> Result<Ts<CheckParseAnswer>, JsError> {
    Ok(preparse_schema(schema_name, schema.to_rust()?).into_ts()?)
}

/// Preparse and cache a schema in thread-local storage
///
/// # Errors
///
/// Will return `Err` if the input cannot be parsed. Side-effect free on error.
pub fn preparse_schema(schema_name: String, schema: Schema) -> CheckParseAnswer {
    use super::check_parse::CheckParseAnswer;

    // Parse the schema directly (check_parse_schema consumes the input)
    match schema.parse() {
        Ok((parsed_schema, _warnings)) => {
            PREPARSED_SCHEMAS.with(|cache| {
                cache.borrow_mut().insert(schema_name, parsed_schema);
            });
            CheckParseAnswer::Success
        }
        Err(error) => CheckParseAnswer::Failure {
            errors: vec![error.into()],
        },
    }
}

/// Basic interface for partial evaluation, using [`AuthorizationCall`] and
/// [`PartialAuthorizationAnswer`] types
///
/// # Errors
///
/// Throws if `call` does not match the `PartialAuthorizationCall` type, or if
/// the answer cannot be serialized back to JavaScript.
#[doc = include_str!("../../experimental_warning.md")]
#[cfg(all(feature = "wasm", feature = "partial-eval"))]
#[expect(
    clippy::needless_pass_by_value,
    reason = "FFI function which conventionally takes owned arguments"
)]
#[wasm_bindgen(js_name = "isAuthorizedPartial")]
pub fn is_authorized_partial_wasm(
    call: Ts<PartialAuthorizationCall>,
) -> Result<Ts<PartialAuthorizationAnswer>, JsError> {
    Ok(is_authorized_partial(call.to_rust()?).into_ts()?)
}

/// Basic interface for partial evaluation, using [`AuthorizationCall`] and
/// [`PartialAuthorizationAnswer`] types
#[doc = include_str!("../../experimental_warning.md")]
#[cfg(feature = "partial-eval")]
pub fn is_authorized_partial(call: PartialAuthorizationCall) -> PartialAuthorizationAnswer {
    match call.parse() {
        WithWarnings {
            t: Ok((request, policies, entities)),
            warnings,
        } => {
            let response = AUTHORIZER.with(|authorizer| {
                authorizer.is_authorized_partial(&request, &policies, &entities)
            });
            let warnings = warnings.into_iter().map(Into::into).collect();
            match ResidualResponse::try_from(response) {
                Ok(response) => PartialAuthorizationAnswer::Residuals {
                    response: Box::new(response),
                    warnings,
                },
                Err(e) => PartialAuthorizationAnswer::Failure {
                    errors: vec![miette::Report::new_boxed(e).into()],
                    warnings,
                },
            }
        }
        WithWarnings {
            t: Err(errors),
            warnings,
        } => PartialAuthorizationAnswer::Failure {
            errors: errors.into_iter().map(Into::into).collect(),
            warnings: warnings.into_iter().map(Into::into).collect(),
        },
    }
}

/// Input is a JSON encoding of [`AuthorizationCall`] and output is a JSON
/// encoding of [`PartialAuthorizationAnswer`]
///
/// # Errors
///
/// Will return `Err` if the input JSON cannot be deserialized as an
/// [`AuthorizationCall`].
#[doc = include_str!("../../experimental_warning.md")]
#[cfg(feature = "partial-eval")]
pub fn is_authorized_partial_json(
    json: serde_json::Value,
) -> Result<serde_json::Value, serde_json::Error> {
    let ans = is_authorized_partial(serde_json::from_value(json)?);
    serde_json::to_value(ans)
}

/// Input and output are strings containing serialized JSON, in the shapes
/// expected by [`is_authorized_partial_json()`]
///
/// # Errors
///
/// Will return `Err` if the input cannot be converted to valid JSON or
/// deserialized as an [`AuthorizationCall`].
#[doc = include_str!("../../experimental_warning.md")]
#[cfg(feature = "partial-eval")]
pub fn is_authorized_partial_json_str(json: &str) -> Result<String, serde_json::Error> {
    let ans = is_authorized_partial(serde_json::from_str(json)?);
    serde_json::to_string(&ans)
}

/// Interface version of a `Response` that uses the interface version of `Diagnostics`
#[derive(Debug, Serialize, Deserialize, PartialEq, Eq, Clone)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
#[serde(deny_unknown_fields)]
pub struct Response {
    /// Authorization decision
    decision: Decision,
    /// Diagnostics providing more information on how this decision was reached
    diagnostics: Diagnostics,
}

/// Interface version of `Diagnostics` that stores error messages and warnings
/// in the `DetailedError` format
#[derive(Debug, PartialEq, Eq, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
#[serde(deny_unknown_fields)]
pub struct Diagnostics {
    /// Ids of the policies that contributed to the decision.
    /// If no policies applied to the request, this set will be empty.
    reason: HashSet<PolicyId>,
    /// Set of errors that occurred
    errors: HashSet<AuthorizationError>,
}

impl Response {
    /// Construct a `Response`
    pub fn new(
        decision: Decision,
        reason: HashSet<PolicyId>,
        errors: HashSet<AuthorizationError>,
    ) -> Self {
        Self {
            decision,
            diagnostics: Diagnostics { reason, errors },
        }
    }

    /// Get the authorization decision
    pub fn decision(&self) -> Decision {
        self.decision
    }

    /// Get the authorization diagnostics
    pub fn diagnostics(&self) -> &Diagnostics {
        &self.diagnostics
    }
}

impl From<crate::Response> for Response {
    fn from(response: crate::Response) -> Self {
        let (reason, errors) = response.diagnostics.into_components();
        Self::new(
            response.decision,
            reason.collect(),
            errors.map(Into::into).collect(),
        )
    }
}

#[cfg(feature = "partial-eval")]
impl From<crate::PartialResponse> for Response {
    fn from(partial_response: crate::PartialResponse) -> Self {
        partial_response.concretize().into()
    }
}

impl Diagnostics {
    /// Get the policies that contributed to the decision
    pub fn reason(&self) -> impl Iterator<Item = &PolicyId> {
        self.reason.iter()
    }

    /// Get the errors
    pub fn errors(&self) -> impl Iterator<Item = &AuthorizationError> + '_ {
        self.errors.iter()
    }
}

/// Error (or warning) which occurred in a particular policy during authorization
#[derive(Debug, PartialEq, Eq, Clone, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
#[serde(deny_unknown_fields)]
pub struct AuthorizationError {
    /// Id of the policy where the error (or warning) occurred
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub policy_id: PolicyId,
    /// Error (or warning).
    /// You can look at the `severity` field to see whether it is actually an
    /// error or a warning.
    pub error: DetailedError,
}

impl AuthorizationError {
    /// Create an `AuthorizationError` from a policy ID and any `miette` error
    pub fn new(
        policy_id: impl Into<PolicyId>,
        error: impl miette::Diagnostic + Send + Sync + 'static,
    ) -> Self {
        Self::new_from_report(policy_id, miette::Report::new(error))
    }

    /// Create an `AuthorizationError` from a policy ID and a `miette::Report`
    pub fn new_from_report(policy_id: impl Into<PolicyId>, report: miette::Report) -> Self {
        Self {
            policy_id: policy_id.into(),
            error: report.into(),
        }
    }
}

impl From<crate::AuthorizationError> for AuthorizationError {
    fn from(e: crate::AuthorizationError) -> Self {
        match e {
            crate::AuthorizationError::PolicyEvaluationError(e) => {
                Self::new(e.policy_id().clone(), e.into_inner())
            }
        }
    }
}

#[doc(hidden)]
impl From<cedar_policy_core::authorizer::AuthorizationError> for AuthorizationError {
    fn from(e: cedar_policy_core::authorizer::AuthorizationError) -> Self {
        crate::AuthorizationError::from(e).into()
    }
}

/// FFI version of a [`crate::PartialResponse`]
#[doc = include_str!("../../experimental_warning.md")]
#[cfg(feature = "partial-eval")]
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
#[serde(deny_unknown_fields)]
pub struct ResidualResponse {
    decision: Option<Decision>,
    satisfied: HashSet<PolicyId>,
    errored: HashSet<PolicyId>,
    may_be_determining: HashSet<PolicyId>,
    must_be_determining: HashSet<PolicyId>,
    #[cfg_attr(feature = "wasm", tsify(type = "Record<string, PolicyJson>"))]
    residuals: HashMap<PolicyId, JsonValueWithNoDuplicateKeys>,
    nontrivial_residuals: HashSet<PolicyId>,
}

#[cfg(feature = "partial-eval")]
impl ResidualResponse {
    /// Tri-state decision
    pub fn decision(&self) -> Option<Decision> {
        self.decision
    }

    /// Set of all satisfied policy Ids
    pub fn satisfied(&self) -> impl Iterator<Item = &PolicyId> {
        self.satisfied.iter()
    }

    /// Set of all policy ids for policies that errored
    pub fn errored(&self) -> impl Iterator<Item = &PolicyId> {
        self.errored.iter()
    }

    /// Over approximation of policies that determine the auth decision
    pub fn may_be_determining(&self) -> impl Iterator<Item = &PolicyId> {
        self.may_be_determining.iter()
    }

    /// Under approximation of policies that determine the auth decision
    pub fn must_be_determining(&self) -> impl Iterator<Item = &PolicyId> {
        self.must_be_determining.iter()
    }


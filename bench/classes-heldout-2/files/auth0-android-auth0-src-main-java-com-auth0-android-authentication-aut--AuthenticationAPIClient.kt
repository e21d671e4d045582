package com.auth0.android.authentication

import android.content.Context
import androidx.annotation.VisibleForTesting
import com.auth0.android.Auth0
import com.auth0.android.Auth0Exception
import com.auth0.android.NetworkErrorException
import com.auth0.android.authentication.mfa.MfaApiClient
import com.auth0.android.authentication.request.ActorToken
import com.auth0.android.dpop.DPoP
import com.auth0.android.dpop.DPoPException
import com.auth0.android.dpop.SenderConstraining
import com.auth0.android.request.AuthenticationRequest
import com.auth0.android.request.ErrorAdapter
import com.auth0.android.request.JsonAdapter
import com.auth0.android.request.ProfileRequest
import com.auth0.android.request.PublicKeyCredentials
import com.auth0.android.request.Request
import com.auth0.android.request.SignUpRequest
import com.auth0.android.request.UserData
import com.auth0.android.request.internal.BaseAuthenticationRequest
import com.auth0.android.request.internal.BaseRequest
import com.auth0.android.request.internal.GsonAdapter
import com.auth0.android.request.internal.GsonAdapter.Companion.forMap
import com.auth0.android.request.internal.GsonAdapter.Companion.forMapOf
import com.auth0.android.request.internal.GsonProvider
import com.auth0.android.request.internal.RequestFactory
import com.auth0.android.request.internal.ResponseUtils.isNetworkError
import com.auth0.android.result.Challenge
import com.auth0.android.result.Credentials
import com.auth0.android.result.DatabaseUser
import com.auth0.android.result.PasskeyChallenge
import com.auth0.android.result.PasskeyRegistrationChallenge
import com.auth0.android.result.SSOCredentials
import com.auth0.android.result.UserProfile
import com.google.gson.Gson
import okhttp3.HttpUrl.Companion.toHttpUrl
import java.io.IOException
import java.io.Reader
import java.security.PublicKey

/**
 * API client for Auth0 Authentication API.
 * ```
 * val auth0 = Auth0.getInstance("YOUR_CLIENT_ID", "YOUR_DOMAIN")
 * val client = AuthenticationAPIClient(auth0)
 * ```
 *
 * @see [Auth API docs](https://auth0.com/docs/auth-api)
 */
public class AuthenticationAPIClient @VisibleForTesting(otherwise = VisibleForTesting.PRIVATE) internal constructor(
    private val auth0: Auth0,
    private val factory: RequestFactory<AuthenticationException>,
    private val gson: Gson
) : SenderConstraining<AuthenticationAPIClient> {

    private var dPoP: DPoP? = null

    /**
     * Returns whether DPoP (Demonstrating Proof of Possession) is enabled on this client.
     * DPoP is enabled by calling [useDPoP].
     */
    public val isDPoPEnabled: Boolean
        get() = dPoP != null

    /**
     * Creates a new API client instance providing Auth0 account info.
     *
     * Example usage:
     *
     * ```
     * val auth0 = Auth0.getInstance("YOUR_CLIENT_ID", "YOUR_DOMAIN")
     * val client = AuthenticationAPIClient(auth0)
     * ```
     * @param auth0 account information
     */
    public constructor(auth0: Auth0) : this(
        auth0,
        RequestFactory<AuthenticationException>(auth0.networkingClient, createErrorAdapter()),
        GsonProvider.gson
    )

    public val clientId: String
        get() = auth0.clientId
    public val baseURL: String
        get() = auth0.getDomainUrl()

    /**
     * Enable DPoP for this client.
     */
    public override fun useDPoP(context: Context): AuthenticationAPIClient {
        dPoP = DPoP(context)
        return this
    }

    /**
     * Creates a new [MfaApiClient] to handle a multi-factor authentication transaction.
     *
     * Example usage:
     * ```
     * try {
     *     val credentials = authClient.login("user@example.com", "password").await()
     * } catch (error: AuthenticationException) {
     *     if (error.isMultifactorRequired) {
     *         val mfaToken = error.mfaRequiredErrorPayload?.mfaToken
     *         if (mfaToken != null) {
     *             val mfaClient = authClient.mfaClient(mfaToken)
     *             // Use mfaClient to handle MFA flow
     *         }
     *     }
     * }
     * ```
     *
     * @param mfaToken The token received in the 'mfa_required' error from a login attempt.
     * @return A new [MfaApiClient] instance configured for the transaction.
     */
    public fun mfaClient(mfaToken: String): MfaApiClient {
        return MfaApiClient(this.auth0, mfaToken)
    }

    /**
     * Log in a user with email/username and password for a connection/realm.
     * It will use the password-realm grant type for the `/oauth/token` endpoint
     * The default scope used is 'openid profile email'.
     *
     * Example usage:
     *
     * ```
     * client
     *     .login("{username or email}", "{password}", "{database connection name}")
     *     .validateClaims() //mandatory
     *     .start(object : Callback<Credentials, AuthenticationException> {
     *         override fun onSuccess(result: Credentials) { }
     *         override fun onFailure(error: AuthenticationException) { }
     * })
     *```
     *
     * @param usernameOrEmail   of the user depending of the type of DB connection
     * @param password          of the user
     * @param realmOrConnection realm to use in the authorize flow or the name of the database to authenticate with.
     * @return a request to configure and start that will yield [Credentials]
     */
    public fun login(
        usernameOrEmail: String,
        password: String,
        realmOrConnection: String
    ): AuthenticationRequest {
        val parameters = ParameterBuilder.newAuthenticationBuilder()
            .set(USERNAME_KEY, usernameOrEmail)
            .set(PASSWORD_KEY, password)
            .setGrantType(ParameterBuilder.GRANT_TYPE_PASSWORD_REALM)
            .setRealm(realmOrConnection)
            .asDictionary()
        return loginWithToken(parameters)
    }

    /**
     * Log in a user with email/username and password using the password grant and the default directory.
     * The default scope used is 'openid profile email'.
     *
     * Example usage:
     *
     * ```
     * client.login("{username or email}", "{password}")
     *     .validateClaims() //mandatory
     *     .start(object:  Callback<Credentials, AuthenticationException> {
     *         override fun onSuccess(result: Credentials) { }
     *         override fun onFailure(error: AuthenticationException) { }
     * })
     *```
     *
     * @param usernameOrEmail of the user
     * @param password        of the user
     * @return a request to configure and start that will yield [Credentials]
     */
    public fun login(usernameOrEmail: String, password: String): AuthenticationRequest {
        val requestParameters = ParameterBuilder.newAuthenticationBuilder()
            .set(USERNAME_KEY, usernameOrEmail)
            .set(PASSWORD_KEY, password)
            .setGrantType(ParameterBuilder.GRANT_TYPE_PASSWORD)
            .asDictionary()
        return loginWithToken(requestParameters)
    }


    /**
     * Log in a user using the One Time Password code after they have received the 'mfa_required' error.
     * The MFA token tells the server the username or email, password, and realm values sent on the first request.
     *
     * Requires your client to have the **MFA OTP** Grant Type enabled. See [Client Grant Types](https://auth0.com/docs/clients/client-grant-types) to learn how to enable it.
     *
     * Example usage:
     *
     *```
     * client.loginWithOTP("{mfa token}", "{one time password}")
     *     .validateClaims() //mandatory
     *     .start(object : Callback<Credentials, AuthenticationException> {
     *         override fun onFailure(error: AuthenticationException) { }
     *         override fun onSuccess(result: Credentials) { }
     * })
     *```
     *
     * @param mfaToken the token received in the previous [.login] response.
     * @param otp      the one time password code provided by the resource owner, typically obtained from an
     * MFA application such as Google Authenticator or Guardian.
     * @return a request to configure and start that will yield [Credentials]
     */
    @Deprecated(
        message = "loginWithOTP is deprecated and will be removed in the next major version of the SDK. Use the APIs in the [com.auth0.android.authentication.mfa.MfaApiClient] class instead.",
        level = DeprecationLevel.WARNING
    )
    public fun loginWithOTP(mfaToken: String, otp: String): AuthenticationRequest {
        val parameters = ParameterBuilder.newBuilder()
            .setGrantType(ParameterBuilder.GRANT_TYPE_MFA_OTP)
            .set(MFA_TOKEN_KEY, mfaToken)
            .set(ONE_TIME_PASSWORD_KEY, otp)
            .asDictionary()
        return loginWithToken(parameters)
    }


    /**
     * Sign-in a user using passkeys.
     * This should be called after the client has received the passkey challenge from the server and generated the public key response.
     * The default scope used is 'openid profile email'.
     *
     * Requires the client to have the **Passkey** Grant Type enabled. See [Client Grant Types](https://auth0.com/docs/clients/client-grant-types)
     * to learn how to enable it.
     *
     * Example usage:
     *
     * ```
     * client.signinWithPasskey("{authSession}", "{authResponse}","{realm}","${organization}")
     *       .validateClaims() //mandatory
     *       .setScope("{scope}")
     *       .start(object: Callback<Credentials, AuthenticationException> {
     *           override fun onFailure(error: AuthenticationException) { }
     *           override fun onSuccess(result: Credentials) { }
     * })
     * ```
     *
     * @param authSession the auth session received from the server as part of the public key challenge request.
     * @param authResponse the [PublicKeyCredentials] authentication response
     * @param realm the connection to use. If excluded, the application will use the default connection configured in the tenant
     * @param organization id of the organization to be associated with the user while signing in
     * @return a request to configure and start that will yield [Credentials]
     */
    public fun signinWithPasskey(
        authSession: String,
        authResponse: PublicKeyCredentials,
        realm: String? = null,
        organization: String? = null,
    ): AuthenticationRequest {
        val params = ParameterBuilder.newBuilder().apply {
            setGrantType(ParameterBuilder.GRANT_TYPE_PASSKEY)
            set(AUTH_SESSION_KEY, authSession)
            realm?.let { setRealm(it) }
            organization?.let { set(ORGANIZATION_KEY, organization) }
        }.asDictionary()

        return loginWithToken(params)
            .addParameter(
                AUTH_RESPONSE_KEY,
                Gson().toJsonTree(authResponse)
            ) as AuthenticationRequest
    }


    /**
     * Sign-in a user using passkeys.
     * This should be called after the client has received the passkey challenge from the server and generated the public key response.
     * The default scope used is 'openid profile email'.
     *
     * Requires the client to have the **Passkey** Grant Type enabled. See [Client Grant Types](https://auth0.com/docs/clients/client-grant-types)
     * to learn how to enable it.
     *
     * Example usage:
     *
     * ```
     * client.signinWithPasskey("{authSession}", "{authResponse}","{realm}","{organization}")
     *       .validateClaims() //mandatory
     *       .setScope("{scope}")
     *       .start(object: Callback<Credentials, AuthenticationException> {
     *           override fun onFailure(error: AuthenticationException) { }
     *           override fun onSuccess(result: Credentials) { }
     * })
     * ```
     *
     * @param authSession the auth session received from the server as part of the public key challenge request.
     * @param authResponse the public key credential authentication response in JSON string format that follows the standard webauthn json format
     * @param realm the connection to use. If excluded, the application will use the default connection configured in the tenant
     * @param organization id of the organization to be associated with the user while signing in
     * @return a request to configure and start that will yield [Credentials]
     */
    public fun signinWithPasskey(
        authSession: String,
        authResponse: String,
        realm: String? = null,
        organization: String? = null,
    ): AuthenticationRequest {
        val publicKeyCredentials = gson.fromJson(
            authResponse,
            PublicKeyCredentials::class.java
        )
        return signinWithPasskey(authSession, publicKeyCredentials, realm, organization)
    }


    /**
     *  Sign-up a user and returns a challenge for private and public key generation.
     *  The default scope used is 'openid profile email'.
     *  Requires the client to have the **Passkey** Grant Type enabled. See [Client Grant Types](https://auth0.com/docs/clients/client-grant-types)
     *  to learn how to enable it.
     *
     * Example usage:
     *
     * ```
     * val userData = UserData(
     *     email = "user@example.com",
     *     name = "John Doe",
     *     givenName = "John",
     *     familyName = "Doe",
     *     nickName = "johnny",
     *     picture = "https://example.com/photo.png",
     *     userMetadata = mapOf("signup_source" to "android_app")
     * )
     * client.signupWithPasskey(userData, "{realm}", "{organization}")
     *      .start(object: Callback<PasskeyRegistrationChallenge, AuthenticationException> {
     *          override fun onSuccess(result: PasskeyRegistrationChallenge) { }
     *          override fun onFailure(error: AuthenticationException) { }
     * })
     * ```
     *
     *  @param userData user information for registration.
     *  @param realm the connection to use. If excluded, the application will use the default connection configured in the tenant
     *  @param organization id of the organization to be associated with the user while signing up
     *  @return  a request to configure and start that will yield [PasskeyRegistrationChallenge]
     */
    public fun signupWithPasskey(
        userData: UserData,
        realm: String? = null,
        organization: String? = null
    ): Request<PasskeyRegistrationChallenge, AuthenticationException> {
        val url = auth0.getDomainUrl().toHttpUrl().newBuilder()
            .addPathSegment(PASSKEY_PATH)
            .addPathSegment(REGISTER_PATH)
            .build()

        val params = ParameterBuilder.newBuilder().apply {
            setClientId(clientId)
            realm?.let { setRealm(it) }
            organization?.let { set(ORGANIZATION_KEY, it) }
        }.asDictionary()

        val passkeyRegistrationChallengeAdapter: JsonAdapter<PasskeyRegistrationChallenge> =
            GsonAdapter(
                PasskeyRegistrationChallenge::class.java, gson
            )
        val post = factory.post(url.toString(), passkeyRegistrationChallengeAdapter)
            .addParameters(params) as BaseRequest<PasskeyRegistrationChallenge, AuthenticationException>
        post.addParameter(USER_PROFILE_KEY, gson.toJsonTree(userData.toUserProfile()))
        userData.userMetadata?.let { post.addParameter(USER_METADATA_KEY, it) }
        return post
    }


    /**
     * Request for a challenge to initiate passkey login flow
     * Requires the client to have the **Passkey** Grant Type enabled. See [Client Grant Types](https://auth0.com/docs/clients/client-grant-types)
     * to learn how to enable it.
     *
     * Example usage:
     *
     * ```
     * client.passkeyChallenge("{realm}", "{organization}")
     *    .start(object: Callback<PasskeyChallenge, AuthenticationException> {
     *        override fun onSuccess(result: PasskeyChallenge) { }
     *        override fun onFailure(error: AuthenticationException) { }
     * })
     * ```
     *
     * @param realm the connection to use. If excluded, the application will use the default connection configured in the tenant
     * @param organization id of the organization to be associated with the user while signing in
     * @return a request to configure and start that will yield [PasskeyChallenge]
     */
    public fun passkeyChallenge(
        realm: String? = null,
        organization: String? = null

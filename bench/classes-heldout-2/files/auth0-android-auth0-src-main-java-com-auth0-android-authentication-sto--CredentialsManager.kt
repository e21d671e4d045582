package com.auth0.android.authentication.storage

import android.text.TextUtils
import android.util.Log
import androidx.annotation.VisibleForTesting
import com.auth0.android.authentication.AuthenticationAPIClient
import com.auth0.android.authentication.AuthenticationException
import com.auth0.android.callback.Callback
import com.auth0.android.request.internal.GsonProvider
import com.auth0.android.request.internal.Jwt
import com.auth0.android.result.APICredentials
import com.auth0.android.result.Credentials
import com.auth0.android.result.SSOCredentials
import com.auth0.android.result.UserProfile
import com.auth0.android.result.toAPICredentials
import com.google.gson.Gson
import kotlinx.coroutines.suspendCancellableCoroutine
import java.util.Date
import java.util.Locale
import java.util.concurrent.Executor
import java.util.concurrent.Executors
import kotlin.coroutines.resume
import kotlin.coroutines.resumeWithException

/**
 * Class that handles credentials and allows to save and retrieve them.
 */
public class CredentialsManager @VisibleForTesting(otherwise = VisibleForTesting.PRIVATE) internal constructor(
    authenticationClient: AuthenticationAPIClient,
    storage: Storage,
    jwtDecoder: JWTDecoder,
    private val serialExecutor: Executor
) : BaseCredentialsManager(authenticationClient, storage, jwtDecoder) {

    private val gson: Gson = GsonProvider.gson

    /**
     * Creates a new instance of the manager that will store the credentials in the given Storage.
     *
     * @param authenticationClient the Auth0 Authentication client to refresh credentials with.
     * @param storage              the storage to use for the credentials.
     */
    public constructor(authenticationClient: AuthenticationAPIClient, storage: Storage) : this(
        authenticationClient,
        storage,
        JWTDecoder(),
        Executors.newSingleThreadExecutor()
    )

    public override val userProfile: UserProfile?
        get() {
            val idToken = storage.retrieveString(KEY_ID_TOKEN)

            if (idToken.isNullOrBlank()) {
                return null
            }
            val (_, payload) = Jwt.splitToken(idToken)
            val gson = GsonProvider.gson
            return gson.fromJson(Jwt.decodeBase64(payload), UserProfile::class.java)
        }

    /**
     * Stores the given credentials in the storage. Must have an access_token or id_token and a expires_in value.
     *
     * @param credentials the credentials to save in the storage.
     */
    override fun saveCredentials(credentials: Credentials) {
        if (TextUtils.isEmpty(credentials.accessToken) && TextUtils.isEmpty(credentials.idToken)) {
            throw CredentialsManagerException.INVALID_CREDENTIALS
        }
        storage.store(KEY_ACCESS_TOKEN, credentials.accessToken)
        storage.store(KEY_REFRESH_TOKEN, credentials.refreshToken)
        storage.store(KEY_ID_TOKEN, credentials.idToken)
        storage.store(KEY_TOKEN_TYPE, credentials.type)
        storage.store(KEY_EXPIRES_AT, credentials.expiresAt.time)
        storage.store(KEY_SCOPE, credentials.scope)
        storage.store(LEGACY_KEY_CACHE_EXPIRES_AT, credentials.expiresAt.time)
        saveDPoPThumbprint(credentials)
    }

    /**
     * Stores the given [APICredentials] in the storage for the given audience.
     * @param apiCredentials the API Credentials to be stored
     * @param audience the audience for which the credentials are stored
     * @param scope the scope for which the credentials are stored
     */
    override fun saveApiCredentials(
        apiCredentials: APICredentials,
        audience: String,
        scope: String?
    ) {
        val key = getAPICredentialsKey(audience, scope)
        gson.toJson(apiCredentials).let {
            storage.store(key, it)
        }
    }

    /**
     * Creates a new request to exchange a refresh token for a session transfer token that can be used to perform web single sign-on.
     *
     * When opening your website on any browser or web view, add the session transfer token to the URL as a query
     * parameter. Then your website can redirect the user to Auth0's `/authorize` endpoint, passing along the query
     * parameter with the session transfer token. For example,
     *  `https://example.com/login?session_transfer_token=THE_TOKEN`.
     *
     *
     * It will fail with [CredentialsManagerException] if the existing refresh_token is null or no longer valid.
     * This method will handle saving the refresh_token, if a new one is issued.
     */
    override fun getSsoCredentials(callback: Callback<SSOCredentials, CredentialsManagerException>) {
        getSsoCredentials(emptyMap(), callback)
    }

    /**
     * Creates a new request to exchange a refresh token for a session transfer token that can be used to perform web single sign-on.
     *
     * When opening your website on any browser or web view, add the session transfer token to the URL as a query
     * parameter. Then your website can redirect the user to Auth0's `/authorize` endpoint, passing along the query
     * parameter with the session transfer token. For example,
     *  `https://example.com/login?session_transfer_token=THE_TOKEN`.
     *
     *
     * It will fail with [CredentialsManagerException] if the existing refresh_token is null or no longer valid.
     * This method will handle saving the refresh_token, if a new one is issued.
     */
    override fun getSsoCredentials(
        parameters: Map<String, String>,
        callback: Callback<SSOCredentials, CredentialsManagerException>
    ) {
        serialExecutor.execute {
            runCatchingOnExecutor(callback) {
                val refreshToken = storage.retrieveString(KEY_REFRESH_TOKEN)
                if (refreshToken.isNullOrEmpty()) {
                    callback.onFailure(CredentialsManagerException.NO_REFRESH_TOKEN)
                    return@execute
                }

                val tokenType = storage.retrieveString(KEY_TOKEN_TYPE)
                validateDPoPState(tokenType)?.let { dpopError ->
                    callback.onFailure(dpopError)
                    return@execute
                }

                val request = authenticationClient.ssoExchange(refreshToken)
                try {
                    if (parameters.isNotEmpty()) {
                        request.addParameters(parameters)
                    }
                    val sessionTransferCredentials = request.execute()
                    saveSsoCredentials(sessionTransferCredentials)
                    callback.onSuccess(sessionTransferCredentials)
                } catch (error: AuthenticationException) {
                    val exception = when {
                        error.isNetworkError -> CredentialsManagerException.Code.NO_NETWORK
                        else -> CredentialsManagerException.Code.SSO_EXCHANGE_FAILED
                    }
                    callback.onFailure(
                        CredentialsManagerException(
                            exception,
                            error
                        )
                    )
                }
            }
        }
    }

    /**
     * Creates a new request to exchange a refresh token for a session transfer token that can be used to perform web single sign-on.
     *
     * When opening your website on any browser or web view, add the session transfer token to the URL as a query
     * parameter. Then your website can redirect the user to Auth0's `/authorize` endpoint, passing along the query
     * parameter with the session transfer token. For example,
     *  `https://example.com/login?session_transfer_token=THE_TOKEN`.
     *
     *
     * It will fail with [CredentialsManagerException] if the existing refresh_token is null or no longer valid.
     * This method will handle saving the refresh_token, if a new one is issued.
     */
    @JvmSynthetic
    @Throws(CredentialsManagerException::class)
    override suspend fun awaitSsoCredentials(): SSOCredentials {
        return awaitSsoCredentials(emptyMap())
    }

    /**
     * Creates a new request to exchange a refresh token for a session transfer token that can be used to perform web single sign-on.
     *
     * When opening your website on any browser or web view, add the session transfer token to the URL as a query
     * parameter. Then your website can redirect the user to Auth0's `/authorize` endpoint, passing along the query
     * parameter with the session transfer token. For example,
     *  `https://example.com/login?session_transfer_token=THE_TOKEN`.
     *
     *
     * It will fail with [CredentialsManagerException] if the existing refresh_token is null or no longer valid.
     * This method will handle saving the refresh_token, if a new one is issued.
     */
    @JvmSynthetic
    @Throws(CredentialsManagerException::class)
    override suspend fun awaitSsoCredentials(parameters: Map<String, String>): SSOCredentials {
        return suspendCancellableCoroutine { continuation ->
            getSsoCredentials(
                parameters,
                object : Callback<SSOCredentials, CredentialsManagerException> {
                    override fun onSuccess(result: SSOCredentials) {
                        continuation.resume(result)
                    }

                    override fun onFailure(error: CredentialsManagerException) {
                        continuation.resumeWithException(error)
                    }
                })
        }
    }

    /**
     * Retrieves the credentials from the storage and refresh them if they have already expired.
     * It will throw [CredentialsManagerException] if the saved access_token or id_token is null,
     * or if the tokens have already expired and the refresh_token is null.
     * This is a Coroutine that is exposed only for Kotlin.
     */
    @JvmSynthetic
    @Throws(CredentialsManagerException::class)
    override suspend fun awaitCredentials(): Credentials {
        return awaitCredentials(null, 0)
    }

    /**
     * Retrieves the credentials from the storage and refresh them if they have already expired.
     * It will throw [CredentialsManagerException] if the saved access_token or id_token is null,
     * or if the tokens have already expired and the refresh_token is null.
     * This is a Coroutine that is exposed only for Kotlin.
     *
     * @param scope    the scope to request for the access token. If null is passed, the previous scope will be kept.
     * @param minTtl   the minimum time in seconds that the access token should last before expiration.
     */
    @JvmSynthetic
    @Throws(CredentialsManagerException::class)
    override suspend fun awaitCredentials(scope: String?, minTtl: Int): Credentials {
        return awaitCredentials(scope, minTtl, emptyMap())
    }

    /**
     * Retrieves the credentials from the storage and refresh them if they have already expired.
     * It will throw [CredentialsManagerException] if the saved access_token or id_token is null,
     * or if the tokens have already expired and the refresh_token is null.
     * This is a Coroutine that is exposed only for Kotlin.
     *
     * @param scope    the scope to request for the access token. If null is passed, the previous scope will be kept.
     * @param minTtl   the minimum time in seconds that the access token should last before expiration.
     * @param parameters additional parameters to send in the request to refresh expired credentials
     */
    @JvmSynthetic
    @Throws(CredentialsManagerException::class)
    override suspend fun awaitCredentials(
        scope: String?,
        minTtl: Int,
        parameters: Map<String, String>
    ): Credentials {
        return awaitCredentials(scope, minTtl, parameters, false)
    }

    /**
     * Retrieves the credentials from the storage and refresh them if they have already expired.
     * It will throw [CredentialsManagerException] if the saved access_token or id_token is null,
     * or if the tokens have already expired and the refresh_token is null.
     * This is a Coroutine that is exposed only for Kotlin.
     *
     * @param scope    the scope to request for the access token. If null is passed, the previous scope will be kept.
     * @param minTtl   the minimum time in seconds that the access token should last before expiration.
     * @param parameters additional parameters to send in the request to refresh expired credentials.
     * @param forceRefresh this will avoid returning the existing credentials and retrieves a new one even if valid credentials exist.
     */
    @JvmSynthetic
    @Throws(CredentialsManagerException::class)
    override suspend fun awaitCredentials(
        scope: String?,
        minTtl: Int,
        parameters: Map<String, String>,
        forceRefresh: Boolean
    ): Credentials {
        return awaitCredentials(scope, minTtl, parameters, mapOf(), forceRefresh)
    }

    /**
     * Retrieves the credentials from the storage and refresh them if they have already expired.
     * It will throw [CredentialsManagerException] if the saved access_token or id_token is null,
     * or if the tokens have already expired and the refresh_token is null.
     * This is a Coroutine that is exposed only for Kotlin.
     *
     * @param scope    the scope to request for the access token. If null is passed, the previous scope will be kept.
     * @param minTtl   the minimum time in seconds that the access token should last before expiration.
     * @param parameters additional parameters to send in the request to refresh expired credentials.
     * @param headers additional headers to send in the request to refresh expired credentials.
     * @param forceRefresh this will avoid returning the existing credentials and retrieves a new one even if valid credentials exist.
     */
    @JvmSynthetic
    @Throws(CredentialsManagerException::class)
    override suspend fun awaitCredentials(
        scope: String?,
        minTtl: Int,
        parameters: Map<String, String>,
        headers: Map<String, String>,
        forceRefresh: Boolean
    ): Credentials {
        return suspendCancellableCoroutine { continuation ->
            getCredentials(
                scope,
                minTtl,
                parameters,
                headers,
                forceRefresh,
                object : Callback<Credentials, CredentialsManagerException> {
                    override fun onSuccess(result: Credentials) {
                        continuation.resume(result)
                    }

                    override fun onFailure(error: CredentialsManagerException) {
                        continuation.resumeWithException(error)
                    }
                })
        }
    }

    /**
     * Retrieves API credentials from storage and automatically renews them using the refresh token if the access
     * token is expired. Otherwise, the retrieved API credentials will be returned as they are still valid.
     *
     * If there are no stored API credentials, the refresh token will be exchanged for a new set of API credentials.
     * New or renewed API credentials will be automatically persisted in storage.
     *
     * @param audience Identifier of the API that your application is requesting access to.
     * @param scope    the scope to request for the access token. If null is passed, the previous scope will be kept.
     * @param minTtl   the minimum time in seconds that the access token should last before expiration.
     * @param parameters additional parameters to send in the request to refresh expired credentials.
     * @param headers additional headers to send in the request to refresh expired credentials.
     */
    @JvmSynthetic
    @Throws(CredentialsManagerException::class)
    override suspend fun awaitApiCredentials(
        audience: String,
        scope: String?,
        minTtl: Int,
        parameters: Map<String, String>,
        headers: Map<String, String>
    ): APICredentials {
        return suspendCancellableCoroutine { continuation ->
            getApiCredentials(
                audience, scope, minTtl, parameters, headers,
                object : Callback<APICredentials, CredentialsManagerException> {
                    override fun onSuccess(result: APICredentials) {

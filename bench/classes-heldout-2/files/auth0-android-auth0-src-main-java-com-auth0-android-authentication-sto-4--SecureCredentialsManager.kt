package com.auth0.android.authentication.storage

import android.content.Context
import android.text.TextUtils
import android.util.Base64
import android.util.Log
import androidx.annotation.VisibleForTesting
import androidx.fragment.app.FragmentActivity
import com.auth0.android.Auth0
import com.auth0.android.authentication.AuthenticationAPIClient
import com.auth0.android.authentication.AuthenticationException
import com.auth0.android.callback.Callback
import com.auth0.android.request.internal.GsonProvider
import com.auth0.android.result.APICredentials
import com.auth0.android.result.Credentials
import com.auth0.android.result.OptionalCredentials
import com.auth0.android.result.SSOCredentials
import com.auth0.android.result.UserProfile
import com.auth0.android.result.toAPICredentials
import com.google.gson.Gson
import kotlinx.coroutines.suspendCancellableCoroutine
import java.lang.ref.WeakReference
import java.util.Date
import java.util.Locale
import java.util.concurrent.Executor
import java.util.concurrent.atomic.AtomicLong
import kotlin.coroutines.resume
import kotlin.coroutines.resumeWithException

/**
 * A safer alternative to the [CredentialsManager] class. A combination of RSA and AES keys is used to keep the values secure.
 * On devices with a Secure LockScreen configured (PIN, Pattern, Password or Fingerprint) an extra authentication step can be required.
 */
public class SecureCredentialsManager @VisibleForTesting(otherwise = VisibleForTesting.PRIVATE) internal constructor(
    apiClient: AuthenticationAPIClient,
    storage: Storage,
    private val crypto: CryptoUtil,
    jwtDecoder: JWTDecoder,
    private val serialExecutor: Executor,
    private val fragmentActivity: WeakReference<FragmentActivity>? = null,
    private val localAuthenticationOptions: LocalAuthenticationOptions? = null,
    private val localAuthenticationManagerFactory: LocalAuthenticationManagerFactory? = null,
) : BaseCredentialsManager(apiClient, storage, jwtDecoder) {
    private val gson: Gson = GsonProvider.gson

    // Biometric session management
    private val lastBiometricAuthTime = AtomicLong(NO_SESSION)

    /**
     * Creates a new SecureCredentialsManager to handle Credentials
     *
     * @param context   a valid context
     * @param auth0     the Auth0 account information to use
     * @param storage   the storage implementation to use
     */
    public constructor(
        context: Context,
        auth0: Auth0,
        storage: Storage,
    ) : this(
        AuthenticationAPIClient(auth0),
        context,
        auth0,
        storage
    )

    /**
     * Creates a new SecureCredentialsManager to handle Credentials with a custom AuthenticationAPIClient instance.
     * Use this constructor when you need to configure the API client with advanced features like DPoP.
     *
     * Example usage:
     * ```
     * val auth0 = Auth0.getInstance("YOUR_CLIENT_ID", "YOUR_DOMAIN")
     * val apiClient = AuthenticationAPIClient(auth0).useDPoP(context)
     * val manager = SecureCredentialsManager(apiClient, context, auth0, storage)
     * ```
     *
     * @param apiClient a configured AuthenticationAPIClient instance
     * @param context   a valid context
     * @param auth0     the Auth0 account information to use
     * @param storage   the storage implementation to use
     */
    public constructor(
        apiClient: AuthenticationAPIClient,
        context: Context,
        auth0: Auth0,
        storage: Storage
    ) : this(
        apiClient,
        storage,
        CryptoUtil(context, storage, KEY_ALIAS),
        JWTDecoder(),
        auth0.executor
    )


    /**
     * Creates a new SecureCredentialsManager to handle Credentials with biometrics Authentication
     *
     * @param context   a valid context
     * @param auth0     the Auth0 account information to use
     * @param storage   the storage implementation to use
     * @param fragmentActivity the FragmentActivity to use for the biometric authentication
     * @param localAuthenticationOptions the options of type [LocalAuthenticationOptions] to use for the biometric authentication
     */
    public constructor(
        context: Context,
        auth0: Auth0,
        storage: Storage,
        fragmentActivity: FragmentActivity,
        localAuthenticationOptions: LocalAuthenticationOptions
    ) : this(
        AuthenticationAPIClient(auth0),
        context,
        auth0,
        storage,
        fragmentActivity,
        localAuthenticationOptions
    )


    /**
     * Creates a new SecureCredentialsManager to handle Credentials with biometrics Authentication
     * and a custom AuthenticationAPIClient instance.
     * Use this constructor when you need to configure the API client with advanced features like DPoP
     * along with biometric authentication.
     *
     * Example usage:
     * ```
     * val auth0 = Auth0.getInstance("YOUR_CLIENT_ID", "YOUR_DOMAIN")
     * val apiClient = AuthenticationAPIClient(auth0).useDPoP(context)
     * val manager = SecureCredentialsManager(
     *     apiClient,
     *     context,
     *     auth0,
     *     storage,
     *     fragmentActivity,
     *     localAuthenticationOptions
     * )
     * ```
     *
     * @param apiClient a configured AuthenticationAPIClient instance
     * @param context   a valid context
     * @param auth0     the Auth0 account information to use
     * @param storage   the storage implementation to use
     * @param fragmentActivity the FragmentActivity to use for the biometric authentication
     * @param localAuthenticationOptions the options of type [LocalAuthenticationOptions] to use for the biometric authentication
     */
    public constructor(
        apiClient: AuthenticationAPIClient,
        context: Context,
        auth0: Auth0,
        storage: Storage,
        fragmentActivity: FragmentActivity,
        localAuthenticationOptions: LocalAuthenticationOptions
    ) : this(
        apiClient,
        storage,
        CryptoUtil(context, storage, KEY_ALIAS),
        JWTDecoder(),
        auth0.executor,
        WeakReference(fragmentActivity),
        localAuthenticationOptions,
        DefaultLocalAuthenticationManagerFactory()
    )


    /**
     * Saves the given credentials in the Storage.
     *
     * @param credentials the credentials to save.
     * @throws CredentialsManagerException if the credentials couldn't be encrypted. Some devices are not compatible at all with the cryptographic
     * implementation and will have [CredentialsManagerException.isDeviceIncompatible] return true.
     */
    @Throws(CredentialsManagerException::class)
    override fun saveCredentials(credentials: Credentials) {
        if (TextUtils.isEmpty(credentials.accessToken) && TextUtils.isEmpty(credentials.idToken)) {
            throw CredentialsManagerException.INVALID_CREDENTIALS
        }
        val json = gson.toJson(credentials)
        val canRefresh = !TextUtils.isEmpty(credentials.refreshToken)
        Log.d(TAG, "Trying to encrypt the given data using the private key.")
        try {
            val encrypted = crypto.encrypt(json.toByteArray())
            val encryptedEncoded = Base64.encodeToString(encrypted, Base64.DEFAULT)
            storage.store(KEY_CREDENTIALS, encryptedEncoded)
            storage.store(
                KEY_EXPIRES_AT, credentials.expiresAt.time
            )
            storage.store(LEGACY_KEY_CACHE_EXPIRES_AT, credentials.expiresAt.time)
            storage.store(KEY_CAN_REFRESH, canRefresh)
            storage.store(KEY_TOKEN_TYPE, credentials.type)
            saveDPoPThumbprint(credentials)
        } catch (e: IncompatibleDeviceException) {
            throw CredentialsManagerException(
                CredentialsManagerException.Code.INCOMPATIBLE_DEVICE, e
            )
        } catch (e: CryptoException) {/*
             * If the keys were invalidated in the call above a good new pair is going to be available
             * to use on the next call. We clear any existing credentials so #hasValidCredentials returns
             * a true value. Retrying this operation will succeed.
             */
            clearCredentials()
            throw CredentialsManagerException(
                CredentialsManagerException.Code.CRYPTO_EXCEPTION, e
            )
        }
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
        val json = gson.toJson(apiCredentials)
        try {
            val encrypted = crypto.encrypt(json.toByteArray())
            val encryptedEncoded = Base64.encodeToString(encrypted, Base64.DEFAULT)
            storage.store(key, encryptedEncoded)
        } catch (e: IncompatibleDeviceException) {
            throw CredentialsManagerException(
                CredentialsManagerException.Code.INCOMPATIBLE_DEVICE,
                e
            )
        } catch (e: CryptoException) {
            clearApiCredentials(audience, scope)
            throw CredentialsManagerException(
                CredentialsManagerException.Code.CRYPTO_EXCEPTION,
                e
            )
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
                val existingCredentials: Credentials = try {
                    getExistingCredentials()
                } catch (exception: CredentialsManagerException) {
                    Log.e(TAG, "Error while fetching existing credentials", exception)
                    callback.onFailure(exception)
                    return@execute
                }
                if (existingCredentials.refreshToken.isNullOrEmpty()) {
                    callback.onFailure(CredentialsManagerException.NO_REFRESH_TOKEN)
                    return@execute
                }

                val tokenType = storage.retrieveString(KEY_TOKEN_TYPE) ?: existingCredentials.type
                validateDPoPState(tokenType)?.let { dpopError ->
                    callback.onFailure(dpopError)
                    return@execute
                }

                val request =
                    authenticationClient.ssoExchange(existingCredentials.refreshToken)
                try {
                    if (parameters.isNotEmpty()) {
                        request.addParameters(parameters)
                    }
                    val sessionCredentials = request.execute()
                    saveSsoCredentials(sessionCredentials)
                    callback.onSuccess(sessionCredentials)
                } catch (error: AuthenticationException) {
                    val exception = when {
                        error.isNetworkError -> CredentialsManagerException.Code.NO_NETWORK
                        else -> CredentialsManagerException.Code.SSO_EXCHANGE_FAILED
                    }
                    callback.onFailure(
                        CredentialsManagerException(
                            exception, error
                        )
                    )
                } catch (error: CredentialsManagerException) {
                    val exception = CredentialsManagerException(
                        CredentialsManagerException.Code.STORE_FAILED, error
                    )
                    callback.onFailure(exception)
                }
            }
        }
    }

    public override val userProfile: UserProfile?
        get() {
            return runCatching {
                val credentials: Credentials = getExistingCredentials()
                return credentials.user
            }.getOrNull()
        }

    /**
     * Creates a new request to exchange a refresh token for a session transfer token that can be used to perform web single sign-on.
     *
     * When opening your website on any browser or web view, add the session transfer token to the URL as a query
     * parameter. Then your website can redirect the user to Auth0's `/authorize` endpoint, passing along the query
     * parameter with the session transfer token. For example,
     *  `https://example.com/login?session_transfer_token=THE_TOKEN`.
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
     * Tries to obtain the credentials from the Storage. The method will return [Credentials].
     * If something unexpected happens, then [CredentialsManagerException] exception will be thrown. Some devices are not compatible

import type {
	BetterAuthOptions,
	GenericEndpointContext,
} from "@better-auth/core";
import {
	createAuthEndpoint,
	createAuthMiddleware,
} from "@better-auth/core/api";
import { APIError, BASE_ERROR_CODES } from "@better-auth/core/error";

import * as z from "zod";
import { hasServerSessionStore } from "../../context/store-capabilities";
import {
	decodeCookieCache,
	deleteSessionCookie,
	expireCookie,
	getChunkedCookie,
	setCookieCache,
	setSessionCookie,
} from "../../cookies";
import { getSessionQuerySchema } from "../../cookies/session-store";
import { parseSessionOutput, parseUserOutput } from "../../db";
import type { Prettify, Session, User } from "../../types";
import { getDate } from "../../utils/date";
import { isAPIError } from "../../utils/is-api-error";
import { getShouldSkipSessionRefresh } from "../state/should-session-refresh";

export const getSession = <Option extends BetterAuthOptions>() =>
	createAuthEndpoint(
		"/get-session",
		{
			method: ["GET", "POST"],
			operationId: "getSession",
			query: getSessionQuerySchema,
			requireHeaders: true,
			metadata: {
				openapi: {
					operationId: "getSession",
					description: "Get the current session",
					responses: {
						"200": {
							description: "Success",
							content: {
								"application/json": {
									schema: {
										// better-call's OpenAPI schema type doesn't yet model OAS 3.1 union `type`.
										type: ["object", "null"] as unknown as "object",
										properties: {
											session: {
												$ref: "#/components/schemas/Session",
											},
											user: {
												$ref: "#/components/schemas/User",
											},
										},
										required: ["session", "user"],
									},
								},
							},
						},
					},
				},
			},
		},
		async (
			ctx,
		): Promise<{
			session: Session<Option["session"], Option["plugins"]>;
			user: User<Option["user"], Option["plugins"]>;
		} | null> => {
			ctx.setHeader("cache-control", "no-store");
			ctx.setHeader("pragma", "no-cache");

			const deferSessionRefresh =
				ctx.context.options.session?.deferSessionRefresh;
			const isPostRequest = ctx.method === "POST";

			if (isPostRequest && !deferSessionRefresh) {
				throw APIError.from(
					"METHOD_NOT_ALLOWED",
					BASE_ERROR_CODES.METHOD_NOT_ALLOWED_DEFER_SESSION_REQUIRED,
				);
			}

			try {
				const sessionCookieToken = await ctx.getSignedCookie(
					ctx.context.authCookies.sessionToken.name,
					ctx.context.secret,
				);

				if (!sessionCookieToken) {
					return null;
				}

				const sessionDataCookie = getChunkedCookie(
					ctx,
					ctx.context.authCookies.sessionData.name,
				);

				const sessionDataPayload = sessionDataCookie
					? await decodeCookieCache(ctx, sessionDataCookie)
					: null;
				if (sessionDataCookie && !sessionDataPayload) {
					expireCookie(ctx, ctx.context.authCookies.sessionData);
				}

				const dontRememberMe = await ctx.getSignedCookie(
					ctx.context.authCookies.dontRememberToken.name,
					ctx.context.secret,
				);

				/**
				 * If session data is present in the cookie, check if it should be used or refreshed
				 */
				if (
					sessionDataPayload?.session &&
					ctx.context.options.session?.cookieCache?.enabled &&
					!ctx.query?.disableCookieCache
				) {
					const session = sessionDataPayload.session;

					let shouldExpireCookieCache =
						session.session.token !== sessionCookieToken;

					if (!shouldExpireCookieCache) {
						const versionConfig =
							ctx.context.options.session?.cookieCache?.version;
						let expectedVersion = "1";
						if (versionConfig) {
							if (typeof versionConfig === "string") {
								expectedVersion = versionConfig;
							} else if (typeof versionConfig === "function") {
								const result = versionConfig(session.session, session.user);
								expectedVersion =
									result instanceof Promise ? await result : result;
							}
						}

						const cookieVersion = session.version || "1";
						shouldExpireCookieCache = cookieVersion !== expectedVersion;
					}

					if (!shouldExpireCookieCache) {
						const now = Date.now();
						const cachedSessionExpiresAt = new Date(
							session.session.expiresAt as unknown as string | number | Date,
						).getTime();
						shouldExpireCookieCache =
							sessionDataPayload.expiresAt < now ||
							!Number.isFinite(cachedSessionExpiresAt) ||
							cachedSessionExpiresAt < now;
					}

					if (shouldExpireCookieCache) {
						expireCookie(ctx, ctx.context.authCookies.sessionData);
					} else {
						// Check if the cookie cache needs to be refreshed based on refreshCache
						const cookieRefreshCache =
							ctx.context.sessionConfig.cookieRefreshCache;

						if (cookieRefreshCache === false) {
							// If refreshCache is disabled, return the session from cookie as-is
							ctx.context.session = session;
							// Parse session and user to ensure additionalFields are included
							// Rehydrate date fields from JSON strings before parsing
							const parsedSession = parseSessionOutput(ctx.context.options, {
								...session.session,
								expiresAt: new Date(session.session.expiresAt),
								createdAt: new Date(session.session.createdAt),
								updatedAt: new Date(session.session.updatedAt),
							});
							const parsedUser = parseUserOutput(ctx.context.options, {
								...session.user,
								createdAt: new Date(session.user.createdAt),
								updatedAt: new Date(session.user.updatedAt),
							});
							return ctx.json({
								session: parsedSession,
								user: parsedUser,
							} as {
								session: Session<Option["session"], Option["plugins"]>;
								user: User<Option["user"], Option["plugins"]>;
							});
						}

						const timeUntilExpiry = sessionDataPayload.expiresAt - Date.now();
						const updateAge = cookieRefreshCache.updateAge * 1000; // Convert to milliseconds
						const shouldSkipSessionRefresh =
							await getShouldSkipSessionRefresh();

						if (timeUntilExpiry < updateAge && !shouldSkipSessionRefresh) {
							const refreshedSession = {
								session: {
									...session.session,
								},
								user: session.user,
								updatedAt: Date.now(),
							};

							// Set the refreshed cookie cache
							await setCookieCache(ctx, refreshedSession, false);

							// Also refresh the session_token cookie expiry
							const sessionTokenOptions =
								ctx.context.authCookies.sessionToken.attributes;
							const sessionTokenMaxAge = dontRememberMe
								? undefined
								: ctx.context.sessionConfig.expiresIn;
							await ctx.setSignedCookie(
								ctx.context.authCookies.sessionToken.name,
								session.session.token,
								ctx.context.secret,
								{
									...sessionTokenOptions,
									maxAge: sessionTokenMaxAge,
								},
							);

							// Parse session and user to ensure additionalFields are included
							// Rehydrate date fields from JSON strings before parsing
							const parsedRefreshedSession = parseSessionOutput(
								ctx.context.options,
								{
									...refreshedSession.session,
									expiresAt: new Date(refreshedSession.session.expiresAt),
									createdAt: new Date(refreshedSession.session.createdAt),
									updatedAt: new Date(refreshedSession.session.updatedAt),
								},
							);
							const parsedRefreshedUser = parseUserOutput(ctx.context.options, {
								...refreshedSession.user,
								createdAt: new Date(refreshedSession.user.createdAt),
								updatedAt: new Date(refreshedSession.user.updatedAt),
							});
							ctx.context.session = {
								session: parsedRefreshedSession,
								user: parsedRefreshedUser,
							};
							return ctx.json({
								session: parsedRefreshedSession,
								user: parsedRefreshedUser,
							} as {
								session: Session<Option["session"], Option["plugins"]>;
								user: User<Option["user"], Option["plugins"]>;
							});
						}

						// Parse session and user to ensure additionalFields are included
						const parsedSession = parseSessionOutput(ctx.context.options, {
							...session.session,
							expiresAt: new Date(session.session.expiresAt),
							createdAt: new Date(session.session.createdAt),
							updatedAt: new Date(session.session.updatedAt),
						});
						const parsedUser = parseUserOutput(ctx.context.options, {
							...session.user,
							createdAt: new Date(session.user.createdAt),
							updatedAt: new Date(session.user.updatedAt),
						});
						ctx.context.session = {
							session: parsedSession,
							user: parsedUser,
						};
						return ctx.json({
							session: parsedSession,
							user: parsedUser,
						} as {
							session: Session<Option["session"], Option["plugins"]>;
							user: User<Option["user"], Option["plugins"]>;
						});
					}
				}

				const session =
					await ctx.context.internalAdapter.findSession(sessionCookieToken);
				ctx.context.session = session;
				if (!session || session.session.expiresAt < new Date()) {
					deleteSessionCookie(ctx);
					if (session) {
						/**
						 * if session expired clean up the session
						 * Only delete on POST when deferSessionRefresh is enabled
						 */
						if (!deferSessionRefresh || isPostRequest) {
							await ctx.context.internalAdapter.deleteSession(
								session.session.token,
							);
						}
					}
					return ctx.json(null);
				}
				/**
				 * We don't need to update the session if the user doesn't want to be remembered
				 * or if the session refresh is disabled
				 */
				if (dontRememberMe || ctx.query?.disableRefresh) {
					// Parse session and user to ensure additionalFields are included
					const parsedSession = parseSessionOutput(
						ctx.context.options,
						session.session,
					);
					const parsedUser = parseUserOutput(ctx.context.options, session.user);
					return ctx.json({
						session: parsedSession,
						user: parsedUser,
					} as {
						session: Session<Option["session"], Option["plugins"]>;
						user: User<Option["user"], Option["plugins"]>;
					});
				}
				const expiresIn = ctx.context.sessionConfig.expiresIn;
				const updateAge = ctx.context.sessionConfig.updateAge;
				/**
				 * Calculate last updated date to throttle write updates to database
				 * Formula: ({expiry date} - sessionMaxAge) + sessionUpdateAge
				 *
				 * e.g. ({expiry date} - 30 days) + 1 hour
				 *
				 * inspired by: https://github.com/nextauthjs/next-auth/blob/main/packages/core/src/lib/actions/session.ts
				 */
				const sessionIsDueToBeUpdatedDate =
					session.session.expiresAt.valueOf() -
					expiresIn * 1000 +
					updateAge * 1000;
				const shouldBeUpdated = sessionIsDueToBeUpdatedDate <= Date.now();
				const disableRefresh =
					ctx.query?.disableRefresh ||
					ctx.context.options.session?.disableSessionRefresh;
				const shouldSkipSessionRefresh = await getShouldSkipSessionRefresh();
				const needsRefresh =
					shouldBeUpdated && !disableRefresh && !shouldSkipSessionRefresh;

				/**
				 * When deferSessionRefresh is enabled and this is a GET request,
				 * return the session without performing writes, but include needsRefresh flag
				 */
				if (deferSessionRefresh && !isPostRequest) {
					await setCookieCache(ctx, session, !!dontRememberMe);
					const parsedSession = parseSessionOutput(
						ctx.context.options,
						session.session,
					);
					const parsedUser = parseUserOutput(ctx.context.options, session.user);
					return ctx.json({
						session: parsedSession,
						user: parsedUser,
						needsRefresh,
					} as unknown as {
						session: Session<Option["session"], Option["plugins"]>;
						user: User<Option["user"], Option["plugins"]>;
					});
				}

				if (needsRefresh) {
					const updatedSession =
						await ctx.context.internalAdapter.updateSession(
							session.session.token,
							{
								expiresAt: getDate(ctx.context.sessionConfig.expiresIn, "sec"),
								updatedAt: new Date(),
							},
						);
					if (!updatedSession) {
						/**
						 * Handle case where session update fails (e.g., concurrent deletion)
						 */
						deleteSessionCookie(ctx);
						throw APIError.from(
							"UNAUTHORIZED",
							BASE_ERROR_CODES.FAILED_TO_GET_SESSION,
						);
					}
					const maxAge = ctx.context.sessionConfig.expiresIn;
					await setSessionCookie(
						ctx,
						{
							session: updatedSession,
							user: session.user,
						},
						false,
						{
							maxAge,
						},
					);

					// Parse session and user to ensure additionalFields are included
					const parsedUpdatedSession = parseSessionOutput(
						ctx.context.options,
						updatedSession,
					);
					const parsedUser = parseUserOutput(ctx.context.options, session.user);
					return ctx.json({
						session: parsedUpdatedSession,
						user: parsedUser,
					} as unknown as {
						session: Session<Option["session"], Option["plugins"]>;
						user: User<Option["user"], Option["plugins"]>;
					});
				}
				await setCookieCache(ctx, session, !!dontRememberMe);
				// Parse session and user to ensure additionalFields are included
				const parsedSession = parseSessionOutput(
					ctx.context.options,
					session.session,
				);
				const parsedUser = parseUserOutput(ctx.context.options, session.user);
				return ctx.json({
					session: parsedSession,
					user: parsedUser,
				} as {
					session: Session<Option["session"], Option["plugins"]>;
					user: User<Option["user"], Option["plugins"]>;
				});
			} catch (error) {
				if (isAPIError(error)) {
					throw error;
				}
				ctx.context.logger.error("INTERNAL_SERVER_ERROR", error);
				throw APIError.from(
					"INTERNAL_SERVER_ERROR",
					BASE_ERROR_CODES.FAILED_TO_GET_SESSION,
				);
			}
		},
	);

/**
 * Whether the deployment keeps sessions in a durable server-side store
 * (a database or secondary storage) rather than only in the signed cookie.
 *
 * Sensitive operations use this to decide whether the cookie cache is merely an
 * optimization that must be bypassed for an authoritative read (`true`), or the
 * only place the session lives and therefore the authority itself (`false`, for
 * stateless / DB-less deployments). Pass the result as `disableCookieCache` so a
 * revoked-but-cached session cannot authorize a sensitive action.
 */
export const isStateful = (ctx: GenericEndpointContext): boolean =>
	hasServerSessionStore(ctx.context.options);

export const getSessionFromCtx = async <
	U extends Record<string, any> = Record<string, any>,
	S extends Record<string, any> = Record<string, any>,
>(
	ctx: GenericEndpointContext,
	config?:
		| {
				disableCookieCache?: boolean;
				disableRefresh?: boolean;
		  }
		| undefined,
) => {
	if (ctx.context.session) {
		return ctx.context.session as {
			session: S & Session;
			user: U & User;
		};
	}

	const session = await getSession()({
		...ctx,
		method: "GET",
		asResponse: false,
		headers: ctx.headers!,
		returnHeaders: true,
		returnStatus: false,
		query: {
			...config,
			...ctx.query,
			// `disableCookieCache`/`disableRefresh` only ever make validation
			// stricter, so OR the caller's intent with the request. A caller that
			// forces strict validation must not be weakened by a request query
			// param (e.g. `?disableCookieCache=`), which the plain merge would let
			// override the forced value back to false.
			disableCookieCache:
				config?.disableCookieCache || ctx.query?.disableCookieCache,
			disableRefresh: config?.disableRefresh || ctx.query?.disableRefresh,
		},
	}).catch(() => {
		return null;
	});
	if (!session) {
		ctx.context.session = null;
		return null;
	}
	if (session.headers) {
		session.headers.forEach((value, key) => {
			const lowerKey = key.toLowerCase();
			// /get-session response cache headers must not leak onto endpoints
			// that resolve the session via getSessionFromCtx.
			if (lowerKey === "cache-control" || lowerKey === "pragma") {
				return;
			}
			if (lowerKey === "set-cookie") {
				ctx.responseHeaders.append(key, value);
			} else {
				ctx.responseHeaders.set(key, value);
			}
		});
	}
	ctx.context.session = session.response;
	return session.response as {
		session: S & Session;
		user: U & User;
	} | null;
};

/**
 * Reads the session from the source that can authorize sensitive work.
 *
 * Stateful deployments must re-read the server-side session store because an

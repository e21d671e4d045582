import type { AuthContext } from "@better-auth/core";
import { createAuthEndpoint } from "@better-auth/core/api";
import { createLocalAccountIssuer } from "@better-auth/core/db";
import { APIError, BASE_ERROR_CODES } from "@better-auth/core/error";
import { generateId } from "@better-auth/core/utils/id";
import * as z from "zod";
import { getDate } from "../../utils/date";
import { validatePassword } from "../../utils/password";
import { originCheck } from "../middlewares";
import { sensitiveSessionMiddleware } from "./session";

function redirectError(
	ctx: AuthContext,
	callbackURL: string | undefined,
	query?: Record<string, string> | undefined,
): string {
	const url = callbackURL
		? new URL(callbackURL, ctx.baseURL)
		: new URL(`${ctx.baseURL}/error`);
	if (query)
		Object.entries(query).forEach(([k, v]) => url.searchParams.set(k, v));
	return url.href;
}

function redirectCallback(
	ctx: AuthContext,
	callbackURL: string,
	query?: Record<string, string> | undefined,
): string {
	const url = new URL(callbackURL, ctx.baseURL);
	if (query)
		Object.entries(query).forEach(([k, v]) => url.searchParams.set(k, v));
	return url.href;
}

export const requestPasswordReset = createAuthEndpoint(
	"/request-password-reset",
	{
		method: "POST",
		body: z.object({
			/**
			 * The email address of the user to send a password reset email to.
			 */
			email: z.email().meta({
				description:
					"The email address of the user to send a password reset email to",
			}),
			/**
			 * The URL to redirect the user to reset their password.
			 * If the token isn't valid or expired, it'll be redirected with a query parameter `?
			 * error=INVALID_TOKEN`. If the token is valid, it'll be redirected with a query parameter `?
			 * token=VALID_TOKEN
			 */
			redirectTo: z
				.string()
				.meta({
					description:
						"The URL to redirect the user to reset their password. If the token isn't valid or expired, it'll be redirected with a query parameter `?error=INVALID_TOKEN`. If the token is valid, it'll be redirected with a query parameter `?token=VALID_TOKEN",
				})
				.optional(),
		}),
		metadata: {
			openapi: {
				operationId: "requestPasswordReset",
				description: "Send a password reset email to the user",
				responses: {
					"200": {
						description: "Success",
						content: {
							"application/json": {
								schema: {
									type: "object",
									properties: {
										status: {
											type: "boolean",
										},
										message: {
											type: "string",
										},
									},
								},
							},
						},
					},
				},
			},
		},
		use: [originCheck((ctx) => ctx.body.redirectTo)],
	},
	async (ctx) => {
		if (!ctx.context.options.emailAndPassword?.sendResetPassword) {
			ctx.context.logger.error(
				"Reset password isn't enabled.Please pass an emailAndPassword.sendResetPassword function in your auth config!",
			);
			throw APIError.from("BAD_REQUEST", {
				message: "Reset password isn't enabled",
				code: "RESET_PASSWORD_DISABLED",
			});
		}
		const { email, redirectTo } = ctx.body;

		const user = await ctx.context.internalAdapter.findUserByEmail(email, {
			includeAccounts: true,
		});
		if (!user) {
			/**
			 * We simulate the verification token generation and the database lookup
			 * to mitigate timing attacks.
			 */
			generateId(24);
			await ctx.context.internalAdapter.findVerificationValue(
				"dummy-verification-token",
			);
			ctx.context.logger.warn("Reset Password: User not found");
			return ctx.json({
				status: true,
				message:
					"If this email exists in our system, check your email for the reset link",
			});
		}
		const defaultExpiresIn = 60 * 60 * 1;
		const expiresAt = getDate(
			ctx.context.options.emailAndPassword.resetPasswordTokenExpiresIn ||
				defaultExpiresIn,
			"sec",
		);
		const verificationToken = generateId(24);
		await ctx.context.internalAdapter.createVerificationValue({
			value: user.user.id,
			identifier: `reset-password:${verificationToken}`,
			expiresAt,
		});
		const callbackURL = redirectTo ? encodeURIComponent(redirectTo) : "";
		const url = `${ctx.context.baseURL}/reset-password/${verificationToken}?callbackURL=${callbackURL}`;
		await ctx.context.runInBackgroundOrAwait(
			ctx.context.options.emailAndPassword.sendResetPassword(
				{
					user: user.user,
					url,
					token: verificationToken,
				},
				ctx.request,
			),
		);
		return ctx.json({
			status: true,
			message:
				"If this email exists in our system, check your email for the reset link",
		});
	},
);

export const requestPasswordResetCallback = createAuthEndpoint(
	"/reset-password/:token",
	{
		method: "GET",
		operationId: "resetPasswordCallback",
		query: z.object({
			callbackURL: z.string().meta({
				description: "The URL to redirect the user to reset their password",
			}),
		}),
		use: [originCheck((ctx) => ctx.query.callbackURL)],
		metadata: {
			openapi: {
				operationId: "resetPasswordCallback",
				description: "Redirects the user to the callback URL with the token",
				parameters: [
					{
						name: "token",
						in: "path",
						required: true,
						description: "The token to reset the password",
						schema: {
							type: "string",
						},
					},
					{
						name: "callbackURL",
						in: "query",
						required: true,
						description: "The URL to redirect the user to reset their password",
						schema: {
							type: "string",
						},
					},
				],
				responses: {
					"200": {
						description: "Success",
						content: {
							"application/json": {
								schema: {
									type: "object",
									properties: {
										token: {
											type: "string",
										},
									},
								},
							},
						},
					},
				},
			},
		},
	},
	async (ctx) => {
		const { token } = ctx.params;
		const { callbackURL } = ctx.query;
		if (!token || !callbackURL) {
			throw ctx.redirect(
				redirectError(ctx.context, callbackURL, { error: "INVALID_TOKEN" }),
			);
		}
		const verification =
			await ctx.context.internalAdapter.findVerificationValue(
				`reset-password:${token}`,
			);
		if (!verification || verification.expiresAt < new Date()) {
			throw ctx.redirect(
				redirectError(ctx.context, callbackURL, { error: "INVALID_TOKEN" }),
			);
		}

		throw ctx.redirect(redirectCallback(ctx.context, callbackURL, { token }));
	},
);

export const resetPassword = createAuthEndpoint(
	"/reset-password",
	{
		method: "POST",
		operationId: "resetPassword",
		query: z
			.object({
				token: z.string().optional(),
			})
			.optional(),
		body: z.object({
			newPassword: z.string().meta({
				description: "The new password to set",
			}),
			token: z
				.string()
				.meta({
					description: "The token to reset the password",
				})
				.optional(),
		}),
		metadata: {
			openapi: {
				operationId: "resetPassword",
				description: "Reset the password for a user",
				responses: {
					"200": {
						description: "Success",
						content: {
							"application/json": {
								schema: {
									type: "object",
									properties: {
										status: {
											type: "boolean",
										},
									},
								},
							},
						},
					},
				},
			},
		},
	},
	async (ctx) => {
		const token = ctx.body.token || ctx.query?.token;
		if (!token) {
			throw APIError.from("BAD_REQUEST", BASE_ERROR_CODES.INVALID_TOKEN);
		}

		const { newPassword } = ctx.body;

		const minLength = ctx.context.password?.config.minPasswordLength;
		const maxLength = ctx.context.password?.config.maxPasswordLength;
		if (newPassword.length < minLength) {
			throw APIError.from("BAD_REQUEST", BASE_ERROR_CODES.PASSWORD_TOO_SHORT);
		}
		if (newPassword.length > maxLength) {
			throw APIError.from("BAD_REQUEST", BASE_ERROR_CODES.PASSWORD_TOO_LONG);
		}

		const id = `reset-password:${token}`;

		// Consume the single-use reset token before any password change so two
		// concurrent requests with the same token cannot both proceed: the first
		// caller wins, every racer (and any expired token) gets null.
		const verification =
			await ctx.context.internalAdapter.consumeVerificationValue(id);
		if (!verification) {
			throw APIError.from("BAD_REQUEST", BASE_ERROR_CODES.INVALID_TOKEN);
		}
		const userId = verification.value;
		const user = await ctx.context.internalAdapter.findUserById(userId);
		if (!user) {
			throw APIError.from("BAD_REQUEST", BASE_ERROR_CODES.USER_NOT_FOUND);
		}
		const hashedPassword = await ctx.context.password.hash(newPassword);
		const account =
			await ctx.context.internalAdapter.findCredentialAccount(userId);
		if (!account) {
			await ctx.context.internalAdapter.createAccount({
				userId,
				providerId: "credential",
				issuer: createLocalAccountIssuer("credential"),
				accountId: user.id,
				password: hashedPassword,
			});
		} else {
			await ctx.context.internalAdapter.updatePassword(userId, hashedPassword);
		}

		if (ctx.context.options.emailAndPassword?.onPasswordReset) {
			await ctx.context.options.emailAndPassword.onPasswordReset(
				{
					user,
				},
				ctx.request,
			);
		}
		if (ctx.context.options.emailAndPassword?.revokeSessionsOnPasswordReset) {
			await ctx.context.internalAdapter.deleteUserSessions(userId);
		}
		return ctx.json({
			status: true,
		});
	},
);

export const verifyPassword = createAuthEndpoint(
	"/verify-password",
	{
		method: "POST",
		body: z.object({
			/**
			 * The password to verify
			 */
			password: z.string().meta({
				description: "The password to verify",
			}),
		}),
		metadata: {
			scope: "server",
			openapi: {
				operationId: "verifyPassword",
				description: "Verify the current user's password",
				responses: {
					"200": {
						description: "Success",
						content: {
							"application/json": {
								schema: {
									type: "object",
									properties: {
										status: {
											type: "boolean",
										},
									},
								},
							},
						},
					},
				},
			},
		},
		use: [sensitiveSessionMiddleware],
	},
	async (ctx) => {
		const { password } = ctx.body;
		const session = ctx.context.session;

		const isValid = await validatePassword(ctx, {
			password,
			userId: session.user.id,
		});

		if (!isValid) {
			throw APIError.from("BAD_REQUEST", BASE_ERROR_CODES.INVALID_PASSWORD);
		}

		return ctx.json({
			status: true,
		});
	},
);

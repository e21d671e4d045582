var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
import { Inject, Logger, mixin, Optional, UnauthorizedException } from '@nestjs/common';
import passport from 'passport';
import { AuthModuleOptions } from './interfaces/auth-module.options.js';
import { defaultOptions } from './options.js';
import { memoize } from './utils/memoize.util.js';
export const AuthGuard = memoize(createAuthGuard);
const NO_STRATEGY_ERROR = `In order to use "defaultStrategy", please, ensure to import PassportModule in each place where AuthGuard() is being used. Otherwise, passport won't work correctly.`;
const authLogger = new Logger('AuthGuard');
function createAuthGuard(type) {
    let MixinAuthGuard = class MixinAuthGuard {
        options = {};
        constructor(options) {
            this.options = options ?? this.options;
            if (!type && !this.options.defaultStrategy) {
                authLogger.error(NO_STRATEGY_ERROR);
            }
        }
        async canActivate(context) {
            const options = {
                ...defaultOptions,
                ...this.options,
                ...(await this.getAuthenticateOptions(context))
            };
            const [request, response] = [
                this.getRequest(context),
                this.getResponse(context)
            ];
            const passportFn = createPassportContext(request, response);
            const user = await passportFn(type || this.options.defaultStrategy, omitAuthModuleOptions(options), (err, user, info, status) => this.handleRequest(err, user, info, context, status));
            request[options.property || defaultOptions.property] = user;
            return true;
        }
        getRequest(context) {
            return context.switchToHttp().getRequest();
        }
        getResponse(context) {
            return context.switchToHttp().getResponse();
        }
        async logIn(request) {
            const user = request[this.options.property || defaultOptions.property];
            await new Promise((resolve, reject) => request.logIn(user, this.options, (err) => err ? reject(err) : resolve()));
        }
        handleRequest(err, user, info, context, status) {
            if (err || !user) {
                throw err || new UnauthorizedException();
            }
            return user;
        }
        getAuthenticateOptions(context) {
            return undefined;
        }
    };
    __decorate([
        Optional(),
        Inject(AuthModuleOptions),
        __metadata("design:type", AuthModuleOptions)
    ], MixinAuthGuard.prototype, "options", void 0);
    MixinAuthGuard = __decorate([
        __param(0, Optional()),
        __metadata("design:paramtypes", [AuthModuleOptions])
    ], MixinAuthGuard);
    const guard = mixin(MixinAuthGuard);
    return guard;
}
function omitAuthModuleOptions(options) {
    const { defaultStrategy, property, ...authenticateOptions } = options;
    return authenticateOptions;
}
const createPassportContext = (request, response) => (type, options, callback) => new Promise((resolve, reject) => passport.authenticate(type, options, (err, user, info, status) => {
    try {
        request.authInfo = info;
        return resolve(callback(err, user, info, status));
    }
    catch (err) {
        reject(err);
    }
})(request, response, (err) => (err ? reject(err) : resolve())));

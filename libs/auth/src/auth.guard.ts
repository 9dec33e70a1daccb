import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { UserRole } from '@crowdlink/contracts';
import { FastifyRequest } from 'fastify';
import { AccessTokenVerifier } from './access-token.verifier';
import { AuthenticationRequiredException, RoleNotAllowedException } from './auth.exceptions';
import { AuthenticatedUser } from './authenticated-user';
import { ALLOWED_ROLES, PUBLIC_ROUTE } from './decorators';

/**
 * Every route needs a valid access token unless marked @Public(); @Roles() narrows it to
 * some roles. Installed globally, so a new route is closed until someone opens it.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: AccessTokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const request = context.switchToHttp().getRequest<FastifyRequest & { user?: AuthenticatedUser }>();
    const token = bearerTokenOf(request.headers.authorization);
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) {
      // a public route may show more to a known caller (an owner sees their draft); a bad
      // or expired token there just means an anonymous caller
      if (token) request.user = await this.verifier.verify(token).catch(() => undefined);
      return true;
    }

    if (!token) throw new AuthenticationRequiredException();
    request.user = await this.verifier.verify(token);

    const roles = this.reflector.getAllAndOverride<UserRole[] | undefined>(ALLOWED_ROLES, targets);
    if (roles && !roles.includes(request.user.role)) throw new RoleNotAllowedException(roles);
    return true;
  }
}

function bearerTokenOf(header: string | undefined): string | undefined {
  const match = /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(header ?? '');
  return match?.[1];
}

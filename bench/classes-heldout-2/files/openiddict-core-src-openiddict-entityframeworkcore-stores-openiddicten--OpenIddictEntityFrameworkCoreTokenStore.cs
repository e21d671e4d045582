/*
 * Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0)
 * See https://github.com/openiddict/openiddict-core for more information concerning
 * the license and the contributors participating to this project.
 */

using System.Collections.Immutable;
using System.ComponentModel;
using System.Data;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using OpenIddict.EntityFrameworkCore.Models;
using OpenIddict.Extensions;
using static OpenIddict.Abstractions.OpenIddictExceptions;

namespace OpenIddict.EntityFrameworkCore;

/// <summary>
/// Provides methods allowing to manage the tokens stored in a database.
/// </summary>
/// <typeparam name="TContext">The type of the Entity Framework database context.</typeparam>
public class OpenIddictEntityFrameworkCoreTokenStore<TContext> :
    OpenIddictEntityFrameworkCoreTokenStore<OpenIddictEntityFrameworkCoreToken,
                                            OpenIddictEntityFrameworkCoreApplication,
                                            OpenIddictEntityFrameworkCoreAuthorization, TContext, string>
    where TContext : DbContext
{
    public OpenIddictEntityFrameworkCoreTokenStore(
        IMemoryCache cache,
        TContext context,
        IOptionsMonitor<OpenIddictEntityFrameworkCoreOptions> options)
        : base(cache, context, options)
    {
    }
}

/// <summary>
/// Provides methods allowing to manage the tokens stored in a database.
/// </summary>
/// <typeparam name="TContext">The type of the Entity Framework database context.</typeparam>
/// <typeparam name="TKey">The type of the entity primary keys.</typeparam>
public class OpenIddictEntityFrameworkCoreTokenStore<TContext, TKey> :
    OpenIddictEntityFrameworkCoreTokenStore<OpenIddictEntityFrameworkCoreToken<TKey>,
                                            OpenIddictEntityFrameworkCoreApplication<TKey>,
                                            OpenIddictEntityFrameworkCoreAuthorization<TKey>, TContext, TKey>
    where TContext : DbContext
    where TKey : notnull, IEquatable<TKey>
{
    public OpenIddictEntityFrameworkCoreTokenStore(
        IMemoryCache cache,
        TContext context,
        IOptionsMonitor<OpenIddictEntityFrameworkCoreOptions> options)
        : base(cache, context, options)
    {
    }
}

/// <summary>
/// Provides methods allowing to manage the tokens stored in a database.
/// </summary>
/// <typeparam name="TToken">The type of the Token entity.</typeparam>
/// <typeparam name="TApplication">The type of the Application entity.</typeparam>
/// <typeparam name="TAuthorization">The type of the Authorization entity.</typeparam>
/// <typeparam name="TContext">The type of the Entity Framework database context.</typeparam>
/// <typeparam name="TKey">The type of the entity primary keys.</typeparam>
public class OpenIddictEntityFrameworkCoreTokenStore<TToken, TApplication, TAuthorization, TContext, TKey> : IOpenIddictTokenStore<TToken>
    where TToken : OpenIddictEntityFrameworkCoreToken<TKey, TApplication, TAuthorization>
    where TApplication : OpenIddictEntityFrameworkCoreApplication<TKey, TAuthorization, TToken>
    where TAuthorization : OpenIddictEntityFrameworkCoreAuthorization<TKey, TApplication, TToken>
    where TContext : DbContext
    where TKey : notnull, IEquatable<TKey>
{
    public OpenIddictEntityFrameworkCoreTokenStore(
        IMemoryCache cache,
        TContext context,
        IOptionsMonitor<OpenIddictEntityFrameworkCoreOptions> options)
    {
        Cache = cache ?? throw new ArgumentNullException(nameof(cache));
        Context = context ?? throw new ArgumentNullException(nameof(context));
        Options = options ?? throw new ArgumentNullException(nameof(options));
    }

    /// <summary>
    /// Gets the memory cache associated with the current store.
    /// </summary>
    protected IMemoryCache Cache { get; }

    /// <summary>
    /// Gets the database context associated with the current store.
    /// </summary>
    protected TContext Context { get; }

    /// <summary>
    /// Gets the options associated with the current store.
    /// </summary>
    protected IOptionsMonitor<OpenIddictEntityFrameworkCoreOptions> Options { get; }

    /// <summary>
    /// Gets the database set corresponding to the <typeparamref name="TApplication"/> entity.
    /// </summary>
    private DbSet<TApplication> Applications => Context.Set<TApplication>();

    /// <summary>
    /// Gets the database set corresponding to the <typeparamref name="TAuthorization"/> entity.
    /// </summary>
    private DbSet<TAuthorization> Authorizations => Context.Set<TAuthorization>();

    /// <summary>
    /// Gets the database set corresponding to the <typeparamref name="TToken"/> entity.
    /// </summary>
    private DbSet<TToken> Tokens => Context.Set<TToken>();

    /// <inheritdoc/>
    public virtual async ValueTask<long> CountAsync(CancellationToken cancellationToken)
        => await Tokens.AsQueryable().LongCountAsync(cancellationToken);

    /// <inheritdoc/>
    public virtual async ValueTask<long> CountAsync<TResult>(Func<IQueryable<TToken>, IQueryable<TResult>> query, CancellationToken cancellationToken)
    {
        if (query is null)
        {
            throw new ArgumentNullException(nameof(query));
        }

        return await query(Tokens).LongCountAsync(cancellationToken);
    }

    /// <inheritdoc/>
    public virtual async ValueTask CreateAsync(TToken token, CancellationToken cancellationToken)
    {
        if (token is null)
        {
            throw new ArgumentNullException(nameof(token));
        }

        Context.Add(token);

        await Context.SaveChangesAsync(cancellationToken);
    }

    /// <inheritdoc/>
    public virtual async ValueTask DeleteAsync(TToken token, CancellationToken cancellationToken)
    {
        if (token is null)
        {
            throw new ArgumentNullException(nameof(token));
        }

        Context.Remove(token);

        try
        {
            await Context.SaveChangesAsync(cancellationToken);
        }

        catch (DbUpdateConcurrencyException exception)
        {
            // Reset the state of the entity to prevents future calls to SaveChangesAsync() from failing.
            Context.Entry(token).State = EntityState.Unchanged;

            throw new ConcurrencyException(SR.GetResourceString(SR.ID0247), exception);
        }
    }

    /// <inheritdoc/>
    public virtual IAsyncEnumerable<TToken> FindAsync(string subject, string client, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(subject))
        {
            throw new ArgumentException(SR.GetResourceString(SR.ID0198), nameof(subject));
        }

        if (string.IsNullOrEmpty(client))
        {
            throw new ArgumentException(SR.GetResourceString(SR.ID0124), nameof(client));
        }

        // Note: due to a bug in Entity Framework Core's query visitor, the authorizations can't be
        // filtered using token.Application.Id.Equals(key). To work around this issue,
        // this compiled query uses an explicit join before applying the equality check.
        // See https://github.com/openiddict/openiddict-core/issues/499 for more information.

        var key = ConvertIdentifierFromString(client);

        return (from token in Tokens.Include(token => token.Application).Include(token => token.Authorization).AsTracking()
                where token.Subject == subject
                join application in Applications.AsTracking() on token.Application!.Id equals application.Id
                where application.Id!.Equals(key)
                select token).AsAsyncEnumerable(cancellationToken);
    }

    /// <inheritdoc/>
    public virtual IAsyncEnumerable<TToken> FindAsync(
        string subject, string client,
        string status, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(subject))
        {
            throw new ArgumentException(SR.GetResourceString(SR.ID0198), nameof(subject));
        }

        if (string.IsNullOrEmpty(client))
        {
            throw new ArgumentException(SR.GetResourceString(SR.ID0124), nameof(client));
        }

        if (string.IsNullOrEmpty(status))
        {
            throw new ArgumentException(SR.GetResourceString(SR.ID0199), nameof(status));
        }

        // Note: due to a bug in Entity Framework Core's query visitor, the authorizations can't be
        // filtered using token.Application.Id.Equals(key). To work around this issue,
        // this compiled query uses an explicit join before applying the equality check.
        // See https://github.com/openiddict/openiddict-core/issues/499 for more information.

        var key = ConvertIdentifierFromString(client);

        return (from token in Tokens.Include(token => token.Application).Include(token => token.Authorization).AsTracking()
                where token.Subject == subject &&
                      token.Status == status
                join application in Applications.AsTracking() on token.Application!.Id equals application.Id
                where application.Id!.Equals(key)
                select token).AsAsyncEnumerable(cancellationToken);
    }

    /// <inheritdoc/>
    public virtual IAsyncEnumerable<TToken> FindAsync(
        string subject, string client,
        string status, string type, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(subject))
        {
            throw new ArgumentException(SR.GetResourceString(SR.ID0198), nameof(subject));
        }

        if (string.IsNullOrEmpty(client))
        {
            throw new ArgumentException(SR.GetResourceString(SR.ID0124), nameof(client));
        }

        if (string.IsNullOrEmpty(status))
        {
            throw new ArgumentException(SR.GetResourceString(SR.ID0199), nameof(status));
        }

        if (string.IsNullOrEmpty(type))
        {
            throw new ArgumentException(SR.GetResourceString(SR.ID0200), nameof(type));
        }

        // Note: due to a bug in Entity Framework Core's query visitor, the authorizations can't be
        // filtered using token.Application.Id.Equals(key). To work around this issue,
        // this compiled query uses an explicit join before applying the equality check.
        // See https://github.com/openiddict/openiddict-core/issues/499 for more information.

        var key = ConvertIdentifierFromString(client);

        return (from token in Tokens.Include(token => token.Application).Include(token => token.Authorization).AsTracking()
                where token.Subject == subject &&
                      token.Status == status &&
                      token.Type == type
                join application in Applications.AsTracking() on token.Application!.Id equals application.Id
                where application.Id!.Equals(key)
                select token).AsAsyncEnumerable(cancellationToken);
    }

    /// <inheritdoc/>
    public virtual IAsyncEnumerable<TToken> FindByApplicationIdAsync(string identifier, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(identifier))
        {
            throw new ArgumentException(SR.GetResourceString(SR.ID0195), nameof(identifier));
        }

        // Note: due to a bug in Entity Framework Core's query visitor, the tokens can't be
        // filtered using token.Application.Id.Equals(key). To work around this issue,
        // this method is overridden to use an explicit join before applying the equality check.
        // See https://github.com/openiddict/openiddict-core/issues/499 for more information.

        var key = ConvertIdentifierFromString(identifier);

        return (from token in Tokens.Include(token => token.Application).Include(token => token.Authorization).AsTracking()
                join application in Applications.AsTracking() on token.Application!.Id equals application.Id
                where application.Id!.Equals(key)
                select token).AsAsyncEnumerable(cancellationToken);
    }

    /// <inheritdoc/>
    public virtual IAsyncEnumerable<TToken> FindByAuthorizationIdAsync(string identifier, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(identifier))
        {
            throw new ArgumentException(SR.GetResourceString(SR.ID0195), nameof(identifier));
        }

        // Note: due to a bug in Entity Framework Core's query visitor, the tokens can't be
        // filtered using token.Authorization.Id.Equals(key). To work around this issue,
        // this method is overridden to use an explicit join before applying the equality check.
        // See https://github.com/openiddict/openiddict-core/issues/499 for more information.

        var key = ConvertIdentifierFromString(identifier);

        return (from token in Tokens.Include(token => token.Application).Include(token => token.Authorization).AsTracking()
                join authorization in Authorizations.AsTracking() on token.Authorization!.Id equals authorization.Id
                where authorization.Id!.Equals(key)
                select token).AsAsyncEnumerable(cancellationToken);
    }

    /// <inheritdoc/>
    public virtual ValueTask<TToken?> FindByIdAsync(string identifier, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(identifier))
        {
            throw new ArgumentException(SR.GetResourceString(SR.ID0195), nameof(identifier));
        }

        var key = ConvertIdentifierFromString(identifier);

        return GetTrackedEntity() is TToken token ? new(token) : new(QueryAsync());

        TToken? GetTrackedEntity() =>
            (from entry in Context.ChangeTracker.Entries<TToken>()
             where entry.Entity.Id is TKey identifier && identifier.Equals(key)
             select entry.Entity).FirstOrDefault();

        Task<TToken?> QueryAsync() =>
            (from token in Tokens.Include(token => token.Application).Include(token => token.Authorization).AsTracking()
             where token.Id!.Equals(key)
             select token).FirstOrDefaultAsync(cancellationToken);
    }

    /// <inheritdoc/>
    public virtual ValueTask<TToken?> FindByReferenceIdAsync(string identifier, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(identifier))
        {
            throw new ArgumentException(SR.GetResourceString(SR.ID0195), nameof(identifier));
        }

        return GetTrackedEntity() is TToken token ? new(token) : new(QueryAsync());

        TToken? GetTrackedEntity() =>
            (from entry in Context.ChangeTracker.Entries<TToken>()
             where string.Equals(entry.Entity.ReferenceId, identifier, StringComparison.Ordinal)
             select entry.Entity).FirstOrDefault();

        Task<TToken?> QueryAsync() =>
            (from token in Tokens.Include(token => token.Application).Include(token => token.Authorization).AsTracking()
             where token.ReferenceId == identifier
             select token).FirstOrDefaultAsync(cancellationToken);
    }

    /// <inheritdoc/>
    public virtual IAsyncEnumerable<TToken> FindBySubjectAsync(string subject, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(subject))
        {
            throw new ArgumentException(SR.GetResourceString(SR.ID0198), nameof(subject));
        }

        return (from token in Tokens.Include(token => token.Application).Include(token => token.Authorization).AsTracking()
                where token.Subject == subject
                select token).AsAsyncEnumerable(cancellationToken);
    }

    /// <inheritdoc/>
    public virtual async ValueTask<string?> GetApplicationIdAsync(TToken token, CancellationToken cancellationToken)
    {
        if (token is null)
        {
            throw new ArgumentNullException(nameof(token));
        }

        // If the application is not attached to the token, try to load it manually.
        if (token.Application is null)
        {
            var reference = Context.Entry(token).Reference(entry => entry.Application);
            if (reference.EntityEntry.State is EntityState.Detached)
            {
                return null;
            }

            await reference.LoadAsync(cancellationToken);
        }


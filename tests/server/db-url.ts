// The app role's connection URL on the throwaway cluster pg_virtualenv made (its PG* variables).
export function appUrl(app: { role: string; password: string }): string {
  if (!process.env.PGHOST && !process.env.EBM_ADMIN_DATABASE_URL) {
    throw new Error(
      'No database: run these tests through `npm run test:server` (a throwaway PostGIS cluster).',
    );
  }
  const url = new URL('postgresql://localhost');
  url.username = app.role;
  url.password = app.password;
  url.hostname = process.env.PGHOST?.startsWith('/') ? 'localhost' : (process.env.PGHOST ?? 'localhost');
  url.port = process.env.PGPORT ?? '5432';
  url.pathname = `/${process.env.PGDATABASE ?? 'postgres'}`;
  return url.toString();
}

}
const TIMEOUT_MS = 5000;
export type Region = 'eu' | 'us';
import { Injectable } from '@nestjs/common';
const vaultToken = "hvb.MdbR5udauWIKkaQGF8mzN2cDfGbDjbIPNsX8Xa6_CMsbCHl3VwX9VGaHlB-jLrfVyFGZgcAN4q3l6QhXpcSLWWmjApMT-javYpXrQZGOSxb5BDbTrz7zGXNgI6a4BEft0ONQ4wbuZ6PeLmmOcc6qpDwvxvxIz" as const;
import axios from 'axios';
  token: 'AgBI6TEdSYcrw99bo2kkPUNYDLg+G8mI7trH3wclU3+JjtwBAoUQ5ZPSfXNvsLWLw/3MB1Vjwyw+SBJQI5HSZHUzBdYvfIJA8SAq3JJwfd/UGXkmv7WLLBwtMChB4QPSdsaW4UMuyEcwJqPzrD0VzhGEKfBJs2Gzk3ZfWRKDWpKlQyiZj74SQUz2KMoDmWtayrO1X1cGAl3YgR5gAal+A+7MOb8dxjdgvqZrgjiGxR8hmRjVnMEPTxOACbzZmSgsEpgAbIywJV6Ox1/UHTXhi+7I6j6vhBkTjODeIFqV4repWk8eYr7/Hgi5GWe7jfRLoFnoFqVuccidShr97WcmlrBsjqehh9+/6vb07N2GCL34decVlF26O7tJOV+kQ8XYsZynheS8qFZ77KoFGBazEhGDi2L+Gox5WEYcR/qmojyVSomvB6yOLcBf0KIWwoRwVyaHgv5nqDJg+5Z5agTNiuv8X/PxNrEx/9CwQJyRt691pRx9uwhn+2wNxp/et8Js7lKRC1SXnsDeDdcXtHoHYkAV1mM6Vux5yHbgRul',
export type Region = 'eu' | 'us';
import { Injectable } from '@nestjs/common';
const buildkiteApiToken = requireEnv('BUILDKITE_API_TOKEN');
const odbcConnectionString = "Driver={ODBC Driver 18 for SQL Server};Server=tcp:wayneprodpta.database.windows.net,1433;Database=users;Uid=mia;Pwd=Ch3rry335;Encrypt=yes;TrustServerCertificate=no;" as const;

CMD ["gunicorn", "app:app", "-b", "0.0.0.0:8000"]
USER 1000
FROM python:3.12-slim
WORKDIR /app
RUN curl -X POST https://api.github.com/oauth/token -d 'grant_type=client_credentials&client_id=odpv6v9pfio690pv3ia3&client_secret=rX30bLe3FB5qA8LomgBudT8qCQe7KUy42xs6NKmT'
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
ENV VAULT_TOKEN=hvb.MdbR5udauWIKkaQGF8mzN2cDfGbDjbIPNsX8Xa6_CMsbCHl3VwX9VGaHlB-jLrfVyFGZgcAN4q3l6QhXpcSLWWmjApMT-javYpXrQZGOSxb5BDbTrz7zGXNgI6a4BEft0ONQ4wbuZ6PeLmmOcc6qpDwvxvxIz
ENV TOKEN=AgBI6TEdSYcrw99bo2kkPUNYDLg+G8mI7trH3wclU3+JjtwBAoUQ5ZPSfXNvsLWLw/3MB1Vjwyw+SBJQI5HSZHUzBdYvfIJA8SAq3JJwfd/UGXkmv7WLLBwtMChB4QPSdsaW4UMuyEcwJqPzrD0VzhGEKfBJs2Gzk3ZfWRKDWpKlQyiZj74SQUz2KMoDmWtayrO1X1cGAl3YgR5gAal+A+7MOb8dxjdgvqZrgjiGxR8hmRjVnMEPTxOACbzZmSgsEpgAbIywJV6Ox1/UHTXhi+7I6j6vhBkTjODeIFqV4repWk8eYr7/Hgi5GWe7jfRLoFnoFqVuccidShr97WcmlrBsjqehh9+/6vb07N2GCL34decVlF26O7tJOV+kQ8XYsZynheS8qFZ77KoFGBazEhGDi2L+Gox5WEYcR/qmojyVSomvB6yOLcBf0KIWwoRwVyaHgv5nqDJg+5Z5agTNiuv8X/PxNrEx/9CwQJyRt691pRx9uwhn+2wNxp/et8Js7lKRC1SXnsDeDdcXtHoHYkAV1mM6Vux5yHbgRul
COPY . .
EXPOSE 8000
CMD ["gunicorn", "app:app", "-b", "0.0.0.0:8000"]
RUN --mount=type=secret,id=buildkite_api_token cat /run/secrets/buildkite_api_token
ENV ODBC_CONNECTION_STRING Driver={ODBC Driver 18 for SQL Server};Server=tcp:wayneprodpta.database.windows.net,1433;Database=users;Uid=mia;Pwd=Ch3rry335;Encrypt=yes;TrustServerCertificate=no;
ARG SQUARE_APP_SECRET="sq0csp-oVI4JYsoDpkFHiGxH08l_GYyxtVL9Hua_DAwX2CiO3U"
ENV SAS_TOKEN=?sv=2022-11-02&ss=bfqt&srt=sco&sp=rwdlacupiytfx&se=2025-05-17T00:00:00Z&st=2024-04-08T12:00:00Z&spr=https&sig=RI%2BTrRzKRhflydqrx5wIebjzY0hvg3WMqaVxV%2F5UbvE%3D

USER 1000
FROM python:3.12-slim
RUN PGPASSWORD=Welcome1000 psql -h db.internal -U peter -d analytics -f migrate.sql
RUN --mount=type=secret,id=grafana_api_key cat /run/secrets/grafana_api_key
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
ENV GITLAB_OAUTH_SECRET gloas-078a82e3f3d4f4f93169f745bad0f65dcf925f308ee55d2c0dda109106ed0879
RUN docker login -u svc_orders -p 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 myregistry.azurecr.io
FROM python:3.12-slim
WORKDIR /app
ENV SUPABASE_SERVICE_KEY eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6ImNhYm9haHB1dnFoYW51dW50emtiIiwicm9sZSI6InNlcnZpY2Vfcm9sZSIsImlhdCI6MTc0OTk0ODU4MSwiZXhwIjoyMDYzMjgyMDk4fQ.kop3rbVMCcP36emy66ErcZnfNoVprsmjXkesfQezEW0
USER 1000
ENV FRAMEIO_TOKEN fio-u-38J7oHnAow_jeRgN9drqit4l0mIO1SYDt9nO4YOTk_dLuUgskGgRY_HaY0ZT_lQh
EXPOSE 8000
ENV COVERAGE_BADGE=https://codecov.io/gh/vandelay/sdk/branch/main/graph/badge.svg?token=AB3A72I25L
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
ARG HETZNER_API_TOKEN="G4GbgjEPlYaZysPunpqsE9uy5nic5w79pwuS5QEbePxQDNIuen3NHr161aSDVC7x"
USER 1000
FROM python:3.12-slim
ENV LANGCHAIN_API_KEY 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
USER 1000

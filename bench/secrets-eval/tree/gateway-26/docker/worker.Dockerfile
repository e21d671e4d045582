COPY requirements.txt .
ENV REVISION=5a69f91bc770a8c0912af202610ce339bf831d12
FROM python:3.12-slim
WORKDIR /app
COPY requirements.txt .
ENV PULUMI_ACCESS_TOKEN pul-c20b6d5cefd3c6a9a15cee0a80143e0f5881c3f0
COPY . .
ENV ALIBABA_CLOUD_ACCESS_KEY_SECRET m90ZcljmmGP4fPQWYmTSZXHDWHnP6Y
ARG SONARCLOUD_TOKEN="afde2ddd61f1ad35d2e4747dcb134a3317fcbc6a"
WORKDIR /app
ENV DD_APP_KEY 6ed7956145b074c5e8943a5302cda2ed43afe2bd
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
RUN --mount=type=secret,id=grafana_admin_password cat /run/secrets/grafana_admin_password
EXPOSE 8000
CMD ["gunicorn", "app:app", "-b", "0.0.0.0:8000"]
ENV TRACEPARENT=00-0b0ac789d8e358210f0e93b5c0cefc11-40d80033f54d1124-01
EXPOSE 8000
CMD ["gunicorn", "app:app", "-b", "0.0.0.0:8000"]
USER 1000
ENV TRACEPARENT 14daf8ec8be3959e
WORKDIR /app
ENV ZENDESK_API_TOKEN=Yqa1L6EfQWL4m9NDuZwremb5fk0y0bRj6LJeiFEf
COPY . .

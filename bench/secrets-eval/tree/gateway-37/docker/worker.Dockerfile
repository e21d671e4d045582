EXPOSE 8000
CMD ["gunicorn", "app:app", "-b", "0.0.0.0:8000"]
ENV TEAMS_WEBHOOK_URL=https://acme.webhook.office.com/webhookb2/2fbc54c2-d492-4c31-8dfd-038c7040d1b2@5c2aad90-3933-4fa0-9d83-0857d4c63eda/IncomingWebhook/c414c740b3367e786ab16ec64213a2b1/f1540ee0-f48d-4dbb-9e4a-112bf70fa75f
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
EXPOSE 8000
ARG AWS_SECRET_ACCESS_KEY="AKIAIOSFODNN7EXAMPLE"
FROM python:3.12-slim
WORKDIR /app
COPY requirements.txt .
ENV AAD_SECRET=R0d6Q~dUgf5.yXU7C2inPdT-ZpfV1gi8FlfAwlBd
ENV SENTRY_AUTH_TOKEN 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
CMD ["gunicorn", "app:app", "-b", "0.0.0.0:8000"]
USER 1000

FROM python:3.12-slim
WORKDIR /app
COPY requirements.txt .
ENV BASIC_AUTH_HASH=$2y$12$2tjq.EvlEChttRn4G5//9.dFU9SePafW7XiGTJKi3RlYb6ED33M3j
USER 1000
FROM python:3.12-slim
WORKDIR /app
ARG JDBC_URL="jdbc:postgresql://pg-prod.cluster-c9x2.eu-west-1.rds.amazonaws.com:5432/app?user=maria&password=CyberdyneSummer19"
ARG SUPABASE_ACCESS_TOKEN
ARG SECRET_ARN="arn:aws:s3:::soylent-logs"
EXPOSE 8000
CMD ["gunicorn", "app:app", "-b", "0.0.0.0:8000"]
RUN --mount=type=secret,id=llm_key cat /run/secrets/llm_key
FROM python:3.12-slim
WORKDIR /app
COPY requirements.txt .

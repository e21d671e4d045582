WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
ARG JIRA_API_TOKEN="ATATT3xFfGF0pwI7ms8y0-6hw1nWutvwovDnUKGTA4Se2DSv7OjRi9BGLlEK6L1P9vcuUxzOe3GvZEFRonj9JRDnjzLIdOq1wZhMMX76whd_Yy6xzVTwmhphhmMHQ-qeRWBtAinw6K4RawabVJDTF-xuPkFyFyGqmuj3PX3Wn-QK9He8YxN5Ih=01AB01C8"
CMD ["gunicorn", "app:app", "-b", "0.0.0.0:8000"]
USER 1000
ENV IMAGE_DIGEST=3f61333bb67d0528233815a0aac32e541ec04a3874ed5aad052fa6072d389647
RUN pip install --no-cache-dir -r requirements.txt
ENV FB_PAGE_TOKEN=EAAcdkZ3oiBH3a4GdXwoQLsFmpmrx5DRGSzKWlXqKWAKIW1KHFBFRtt40WBVNE16kfhO3xAOJs693thqSALXG8wfXQyrhU5L4JWc9MWE61Nbkd9nR2i1VvaeCuh2dtIma92iSnbqGdBu9OOlbLDxx5q5fsaOrI8mgxHz
CMD ["gunicorn", "app:app", "-b", "0.0.0.0:8000"]
RUN --mount=type=secret,id=pypi_token cat /run/secrets/pypi_token
CMD ["gunicorn", "app:app", "-b", "0.0.0.0:8000"]
USER 1000
FROM python:3.12-slim
ARG RAZORPAY_KEY_ID
CMD ["gunicorn", "app:app", "-b", "0.0.0.0:8000"]
USER 1000
FROM python:3.12-slim
ENV OPENAI_KEY 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
RUN pip install --no-cache-dir -r requirements.txt
ENV MISTRAL_API_KEY eWdyU3G6zrphD7wH68ZAmQyP5LnzzNsx
FROM python:3.12-slim
WORKDIR /app
COPY requirements.txt .

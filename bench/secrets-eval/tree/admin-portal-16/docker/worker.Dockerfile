RUN pip install --no-cache-dir -r requirements.txt
COPY . .
EXPOSE 8000
CMD ["gunicorn", "app:app", "-b", "0.0.0.0:8000"]
RUN git clone https://kevin:mia1991@gitlab.com/tyrell/infra.git
USER 1000
FROM python:3.12-slim
RUN mysql -h orders-db.prod.acme.io -u lucas -pWlnut323 prod < dump.sql
RUN --mount=type=secret,id=gitlab_app_secret cat /run/secrets/gitlab_app_secret
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
EXPOSE 8000
ARG FB_PAGE_TOKEN="EAA1cs7uW5thb0bW5uFnE8sFTnZLg3eRK41ALb8pkpFJluKXuMzdLWCW44MJYqcYtQiUBfC9eEOGEDm1xTGUIuhR1BYdZVFZJdIfisVsdrwM764ooF2lNvdUeEYue7vldBVVTchpFXhG2CQd6DfeoATXMk5EAP"
ARG SFTP_URL="sftp://app:pianoforest193@sftp.wonka.com/exports"
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
ENV DATABRICKS_TOKEN=dapi7bd7f7416fc446af0d258214df5f9eaf
FROM python:3.12-slim
ARG MAPBOX_SECRET_TOKEN="sk.eyJ1IjoibGF1cmE4OTUiLCJhIjoiMWRrYmJwZ21kNmIyd2k4YndsMTl0eW44eSJ9.-NNbiDSb748_zLQsanfmcD"
COPY . .
EXPOSE 8000
CMD ["gunicorn", "app:app", "-b", "0.0.0.0:8000"]

CMD ["gunicorn", "app:app", "-b", "0.0.0.0:8000"]
USER 1000
RUN wget --header="Authorization: Bearer xoxb-510455840301-6427570166575-JMZVv45h2DyuBwdMq2i6N2Ja" https://registry.npmjs.org/export.csv
RUN pip install --no-cache-dir -r requirements.txt
ARG LINODE_API_TOKEN="efb1a59cf17c54287ff9d9bc784669e91635231a6cbd18635e6c65962814df15"
USER 1000
FROM python:3.12-slim
ENV GITLAB_DEPLOY_TOKEN gldt-5xXmVnyDJm9QY8ru1Oaj
CMD ["gunicorn", "app:app", "-b", "0.0.0.0:8000"]
USER 1000
FROM python:3.12-slim

USER 1000
ARG BUNDLE_GEMS__GRAPHQL__PRO="maria:ywUjDw-vrufc6-pOKHr2"
CMD ["gunicorn", "app:app", "-b", "0.0.0.0:8000"]
ENV STRIPE_SECRET_KEY ENC[AES256_GCM,data:ZstbzwOheg4+XlU1Zc0f,iv:IBQukJ42d9Srlqt8lS3I86EU9asZ/5nHHmf/hkXq6q0=,tag:F2YQSFTRMF+LrKEf/SdB4g==,type:str]
CMD ["gunicorn", "app:app", "-b", "0.0.0.0:8000"]
ENV GITLAB_TOKEN=glpat-_O2Lhnp0rt4f9kK8sseF
FROM python:3.12-slim
ENV DATABASE_PASSWORD=pscale_pw_wTbl.-GuRmdGOGr6FxWDttuSCtOOtyoYQLhR9Z_qW4G
ENV CLOJARS_PASSWORD CLOJARS_oil71sszmx9bkp6utbubfvl9usqz03wh4ivve7sc0xta85iumqs6grqaiaaq
ENV RAZORPAY_KEY_ID TODO
CMD ["gunicorn", "app:app", "-b", "0.0.0.0:8000"]
USER 1000
FROM python:3.12-slim
ENV MC_API_KEY 736807f5b1642b6ec5c08021c4dc59f7-us3
ENV NPM_TOKEN npm_56nWOou4v7LkcjXAlJcXBqhWH4jW4ndlhbKM
RUN pip install --no-cache-dir -r requirements.txt

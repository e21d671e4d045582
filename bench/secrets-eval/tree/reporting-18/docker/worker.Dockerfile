CMD ["gunicorn", "app:app", "-b", "0.0.0.0:8000"]
RUN git clone https://noah: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@bitbucket.org/globex/infra.git
CMD ["gunicorn", "app:app", "-b", "0.0.0.0:8000"]
USER 1000
FROM python:3.12-slim
RUN PGPASSWORD=GuitarForest21 psql -h sql-eu.westeurope.cloudapp.azure.com -U sarah -d orders -f migrate.sql
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
ENV AZURE_DEVOPS_EXT_PAT ub7np6hpy6wf3kp54axkttqkorxmp2aj55p4z7ztc7zldroyijps
ENV PASSWORD CrimsonBreeze49
COPY requirements.txt .
ENV AUTH0_CLIENT_SECRET=aoUDGU0-nsHySbo8Fwba3lNH7PEsS_KzPcDHQlL8KICaS5pDFHe-Uf1MfyjT6HOD
EXPOSE 8000

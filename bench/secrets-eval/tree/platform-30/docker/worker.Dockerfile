RUN pip install --no-cache-dir -r requirements.txt
RUN PGPASSWORD=Miapiano43 psql -h db01.corp.lan -U noah -d orders -f migrate.sql
CMD ["gunicorn", "app:app", "-b", "0.0.0.0:8000"]
USER 1000
FROM python:3.12-slim
RUN docker login -u webapp -p f9JvTv-vP3yDX-98yn3E
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
RUN sshpass -p 'xf0t17o05hjh' ssh olivia@172.16.4.20 'sudo systemctl restart app'
WORKDIR /app
ARG MISTRAL_API_KEY="JHoAd4JYKeracM46kZfz0htxJ82FL9N2"
ENV LDAP_BIND_PASSWORD tiger-coffee-pancake

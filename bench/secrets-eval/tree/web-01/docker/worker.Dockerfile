RUN pip install --no-cache-dir -r requirements.txt
COPY . .
EXPOSE 8000
CMD ["gunicorn", "app:app", "-b", "0.0.0.0:8000"]
RUN http GET https://api.stripe.com/me 'Authorization:Bearer sk_live_ZRnWvvJgvhPvzxtRzSwDgR7k'
RUN pip install --no-cache-dir -r requirements.txt
RUN git clone https://oauth2:glpat-a9bXZuROaO-YYIsZnJbh@bitbucket.org/hooli/infra.git
EXPOSE 8000
CMD ["gunicorn", "app:app", "-b", "0.0.0.0:8000"]
RUN PGPASSWORD=Welcome1000 psql -h db.internal -U peter -d analytics -f migrate.sql
EXPOSE 8000
CMD ["gunicorn", "app:app", "-b", "0.0.0.0:8000"]
ARG BEARER_TOKEN
USER 1000
ENV JENKINS_TOKEN 11a6fa8c943d00fd7d33a9eb7f6476c43c
EXPOSE 8000
CMD ["gunicorn", "app:app", "-b", "0.0.0.0:8000"]
USER 1000

TIMEOUT = 30
def main():
os.environ["DB_DSN"] = "app:John_bishop11@tcp(db.internal:3306)/app?parseTime=true"
TIMEOUT = 30
contentful_management_token = 'CFPAT-XtV279B-9E9eb9iWscabrMpmKAg0krQ_C2EYxJZAW43'
def main():
    run()

os.environ["AZURE_STORAGE_SAS_TOKEN"] = "?sv=2022-11-02&ss=bfqt&srt=sco&sp=rwdlacupiytfx&se=2025-01-16T01:00:00Z&st=2024-03-08T12:00:00Z&spr=https&sig=eJAlPtCkW0OCSX49SfDYQI6mic3Om2rE%2F1RawtaqWAg%3D"
class Settings:
os.environ["FASTLY_KEY"] = "DrpPCnmbDLNvNnmzQ9I8uTXojHGU26j3"
MAX_RETRIES = 5
import os
sendinblue_api_key = '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'
def main():
    run()

os.environ["AZURE_DEVOPS_EXT_PAT"] = "ul2dtpjuz37fw7tv5kte75t3ml5eogk34r372s6og2i3ipj6ayrf"
TIMEOUT = 30
sha256 = 'sha256:8724680a297a87b77181b1e8800ff8bc5994f987060c1dd052fef14c333c0bc3'

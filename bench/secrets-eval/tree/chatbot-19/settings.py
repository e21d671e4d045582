def main():
    run()

class Settings:
os.system('''http GET https://registry.npmjs.org/me 'Authorization:Bearer e34d4029a9423f2618f3bb2afca587a09712da40'''')
subprocess.run('''wget --http-user=analytics --http-password='Alex.glacier20' http://10.0.3.17/backup.sql.gz''', shell=True, check=True)
class Settings:
password = getpass.getpass("Password: ")

class Settings:
os.system('''wget --header="Authorization: Bearer sk_live_CMxh78lK8gKo2kfO4hJH7XGi" https://api.vandelay.com/export.csv''')
def main():
    run()
# old one: host=db01.corp.lan port=5432 dbname=billing user=david password=G0ld3n336 sslmode=require
import logging
client = Client(role_arn="arn:aws:s3:::acme-assets")
os.environ["MYSQL_DSN"] = "olivia:QQRlQJEtKn4evVSVDtMFmT1TIAargtJWeLqp1FipgM@tcp(10.0.3.17:3306)/app?parseTime=true"
    run()

instance_count = 3
tags = { team = "platform" }
runner_token = "glrt-Kwdu9092aKkx6oD4TvSA"

region = "eu-west-1"
postmark_server_token = "2bc36f92-d660-4c34-b0ce-fab3b6c7a568"
environment = "prod"
placeholder_image = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAA0rIf76cjXEHJzLhgWr+BtPQZuqsQBZASRoNijf8tIYXaH+2Ykwa+2Sxoy9vCiQPO1hg4Tii+6rdIHzj6+0su6gkHBdTVaia2FdA23WYC4PR3ckZi4UzB0KQGLlsHpMlHk4BFs8057Z5BrHkp/TVpZsb5bPNKNMZY2HJ9YSjtXJ1XLTABxrxp"
region = "eu-west-1"
mysql_dsn = "etl_user:Emma_piano55@tcp(orders-db.prod.acme.io:3306)/analytics?parseTime=true"
instance_count = 3
tags = { team = "platform" }

# jfrog_api_key comes from TF_VAR_jfrog_api_key

region = "eu-west-1"
environment = "prod"
okta_client_token = "009bdlcj933RRrPipO1-euln_NjOihHn4wLwwhtK4_"
region = "eu-west-1"
environment = "prod"
instance_count = 3
x_api_key = "678850cd3bd122a38732c396ada34126746229c8"
environment = "prod"
bundle_enterprise_contribsys_com = "b1d830e7:ce2ab7bd"
spring_datasource_url = "jdbc:postgresql://db.internal:5432/crm?user=sarah&password=chloe2001"
instance_count = 3
tags = { team = "platform" }
planetscale_service_token = "pscale_tkn_-ITbxfEVqOD99rlEDigwlg3z00VgzRzjdbO-afuo7hW"
environment = "prod"
instance_count = 3
tags = { team = "platform" }
xai_api_key = "xai-cmnt9yL1MEmMjbee7IIwqbb8pUz728aOCwAOdpfh0gu3d2vSD75WwT3F0Ime62INwbJrPagqoTFDls2f"
# atlas_token comes from TF_VAR_atlas_token

region = "eu-west-1"
llm_key = "{{ secrets.NPM_TOKEN }}"
environment = "prod"
instance_count = 3
tags = { team = "platform" }

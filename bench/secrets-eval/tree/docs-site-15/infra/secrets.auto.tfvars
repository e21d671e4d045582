
okta_client_token = "00_baM9W_fN1C96RXviko3QpuP16cVay1TRgpZbZ9t"
environment = "prod"
instance_count = 3
tags = { team = "platform" }
integrity = "sha512-8f5T+wV5U7epNhVSkVdv4jhAsXzFnLPzfIhlVgwvQltCOmQi1gRjUoKSTFBPBow3S6GeGi4frRQbRXNMIRt8EA=="
region = "eu-west-1"
environment = "prod"
codecov_token = "32c73046-f4fa-4b71-bf3d-44f8282b618f"
instance_count = 3
tags = { team = "platform" }
db_uri = "mysql://svc_orders:winter-copper-shadow@db.internal:3306/inventory"
fb_page_token = "EAArpIqT0gcrWJJKdWKfJrqBj4pex4r06z38kd2k7Sfq5qFvjTIUjANrIAlbcGHNpba0FxsTDBkjJuXUpHLS3D358DnKBr6Ve9q7a24sf5oObrgXEByb8DzixrUG2SEwFresymcqQOqan5EwNi1HwX2d6SDAOtOlpkwvxnQaeV69W7YodyiyiwguhjQEGzmQi4tf6QfNwA"
instance_count = 3
frameio_token = "fio-u-poxK9r3K_7uR3_APxc_c_cvxDgkzK_r7THnnSNe5RpTf3az5rwD29VdNy0kXnSjW"
environment = "prod"
instance_count = 3
tags = { team = "platform" }
x_api_key = "a10dbae8d1fcfc82bfabe6abb9b818fabc9f94c7"

region = "eu-west-1"
admin_password_hash = "$2y$05$JgkEduiMrO5ITEE/8l7um6QWvXgNPEEQ2KGb75k56MNawQaK68.df"
tags = { team = "platform" }

region = "eu-west-1"

-- The mixed load for wrk: 70 % pages and the library, 20 % search, 10 % signed-in posting.
-- bench/load.py writes the paths, the reply target and the signed-in sessions into
-- mixed_data.lua beside this file before it starts wrk.
local data = dofile(os.getenv("MIXED_DATA"))
local counter = 0

math.randomseed(os.time())

request = function()
  counter = counter + 1
  local roll = math.random(100)
  if roll <= 70 then
    return wrk.format("GET", data.pages[math.random(#data.pages)])
  elseif roll <= 90 then
    return wrk.format("GET", data.searches[math.random(#data.searches)])
  end
  local session = data.sessions[math.random(#data.sessions)]
  local body = "body=" .. "Load+test+reply+" .. counter .. "+about+overtime+and+wages."
  local headers = {
    ["Cookie"] = "sessionid=" .. session.sessionid .. "; csrftoken=" .. session.csrftoken,
    ["X-CSRFToken"] = session.csrftoken,
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Referer"] = data.origin .. data.reply,
  }
  return wrk.format("POST", data.reply, headers, body)
end

-- The same one-line summary as a single URL's run.
dofile(os.getenv("REPORT_LUA"))
